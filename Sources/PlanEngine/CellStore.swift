import Formula

/// Integer identity of a name in a model: every name defined or referenced gets one,
/// so recompute works on array indexes instead of hashing strings.
typealias CellID = Int

/// Whether a defined cell is a lead indicator (it references no other cell) and whether it is a
/// level; neither, for a name not defined.
struct CellTraits: Sendable {
    var isLeadIndicator = false
    /// Whether the cell is a level, summed up by its last value rather than its total: it reads
    /// itself one period earlier (`mrr = prev(mrr) + new_mrr`), or it is a running total
    /// (`cumulative(revenue)`, `ytd(revenue)`).
    var isStock = false
    /// Whether the cell reads itself in the same period (`x = x + 1`): a cycle, refused at load.
    var isOwnCycle = false
    /// Whether the cell reads a cell in another period or across the plan (see ``CellStore/periodEdges(of:)``).
    var readsOtherPeriods = false
}

/// The cells of a model as parallel arrays indexed by ``CellID``, with the
/// names interned once and the defined cells kept in file order.
///
/// Values are laid out cell-major over the model's ``Timeline``: cell `id` in period `p` is
/// `values[id × timeline.count + p]`, so a cell's series is contiguous. A cell that does not
/// vary over time holds the same value in every period, which is how it repeats in a series.
///
/// A name that is referenced but not defined has an id and no slot; its value
/// is `#NAME?` until it is defined, which is how a dangling reference heals.
struct CellStore: Sendable {
    let timeline: Timeline
    private var ids = NameTable()
    /// Every name, at its id.
    var names: [String] { ids.names }
    private(set) var slots: [CellSlot?] = []
    /// The ids each defined cell's formula and overrides reference, unique, in order of first
    /// appearance (the cell itself left out: it can only read itself through `prev`).
    private(set) var references = PackedLists()
    /// Each defined cell's formula and overrides compiled with its references bound to ids, program
    /// `id` for cell `id`, in one arena apart from the slots so that evaluation reads a program in
    /// place. A name not defined has an empty program, or none past the last cell compiled.
    private(set) var programs = ProgramArena()
    /// The references of the cell being installed, a list kept between cells for its room.
    private var referenceScratch = UniqueSlots()
    var values: [Value] = []
    var formats: [DisplayFormat] = []
    /// Whether each cell's values differ between periods (always false without periods).
    var isSeries: [Bool] = []
    /// What the change display says of each cell, beside its slot: a recompute asks it of every
    /// cell it changes, and reading it from the slot would copy the slot.
    private(set) var traits: [CellTraits] = []
    /// Defined cells in file order.
    private(set) var order: [CellID] = []
    /// The pages ``order`` fills next, asked for on another core while a large model loads.
    private var orderAhead = PagesAhead()
    /// Where each id stands in ``order``, -1 for one not defined: a recompute asks it of every
    /// cell it changes, to list them in file order.
    private var positions: [Int32] = []

    init(timeline: Timeline = .single) {
        self.timeline = timeline
        stride = timeline.count
    }

    var symbolCount: Int { names.count }

    /// Values per cell: the number of periods, kept rather than asked of the timeline, since a
    /// recompute reads it several times for every cell.
    let stride: Int

    /// Where cell `id`'s values start in ``values``.
    func base(of id: CellID) -> Int { id * stride }

    func value(_ id: CellID, period: Int = 0) -> Value { values[id * stride + period] }

    func series(of id: CellID) -> [Value] { Array(values[base(of: id)..<base(of: id) + stride]) }

    func id(of name: String) -> CellID? { ids.id(of: name) }

    /// Every name with its id: shared, not copied, by whoever reads it.
    var nameIDs: NameTable { ids }

    /// Whether each id names a defined cell: asked for every cell a recompute visits, and
    /// cheaper than looking at the slot, which would take a reference count on every part of it.
    private var defined: [Bool] = []

    func isDefined(_ id: CellID) -> Bool { defined[id] }

    func definedID(of name: String) -> CellID? {
        guard let id = ids.id(of: name), defined[id] else { return nil }
        return id
    }

    /// Makes room for `count` names in all, so that loading a model grows no table name by name:
    /// the arrays kept by id are given the entries of a name not defined for them all at once, which
    /// ``intern(_:)`` then only counts off, and ``releaseUnusedRoom()`` takes back those no name
    /// came to. Until then those arrays run past the last id. Meant for a store about to be
    /// loaded, empty but for the names it may have been given (``adopt(names:)``).
    mutating func makeRoom(forNames count: Int) {
        ids.reserveCapacity(max(0, count - ids.count))
        references.reserveCapacity(lists: count, entries: 2 * count)
        programs.reserveCapacity(programs: count)
        order.reserveCapacity(order.count + count)
        addEntries(max(count, ids.count) - defined.count)
    }

    /// Takes `table`'s names, with their ids, as the names of this store, which has none yet: a file
    /// reader interns the cells it reads as it checks each is defined once.
    mutating func adopt(names table: consuming NameTable) {
        ids = consume table
    }

    /// The id of `name`, which is `expected` when it was interned there beforehand (see
    /// ``adopt(names:)``): one compare of names read in order, not a lookup in the table. Otherwise
    /// interned here.
    mutating func intern(_ name: String, expecting expected: CellID) -> CellID {
        if expected < ids.count, ids.names[expected] == name { return expected }
        return intern(name)
    }

    /// Drops the entries ``makeRoom(forNames:)`` made that no name was given.
    mutating func releaseUnusedRoom() {
        let unused = defined.count - symbolCount
        guard unused > 0 else { return }
        slots.removeLast(unused)
        defined.removeLast(unused)
        values.removeLast(unused * stride)
        formats.removeLast(unused)
        isSeries.removeLast(unused)
        traits.removeLast(unused)
        positions.removeLast(unused)
    }

    /// Adds to each array kept by id the entries of `count` names not defined.
    private mutating func addEntries(_ count: Int) {
        Self.extend(&slots, with: nil, count: count)
        Self.extend(&defined, with: false, count: count)
        Self.extend(&values, with: .error(.name), count: count * stride)
        Self.extend(&formats, with: .number, count: count)
        Self.extend(&isSeries, with: false, count: count)
        Self.extend(&traits, with: CellTraits(), count: count)
        Self.extend(&positions, with: -1, count: count)
    }

    /// Appends `count` copies of `element` to `array`: an empty array (a store a model is loaded
    /// into) is replaced by a filled one, which costs a fraction of appending element by element
    /// (and for a large model, has half its pages mapped on another core).
    private static func extend<Element>(_ array: inout [Element], with element: Element, count: Int) {
        if array.isEmpty {
            array = PagesAhead.array(repeating: element, count: count)
        } else {
            array.append(contentsOf: repeatElement(element, count: count))
        }
    }

    /// Adds to each array kept by id the entries of one name not defined.
    private mutating func addEntry() {
        slots.append(nil)
        defined.append(false)
        // Without periods, one value: appending it alone costs a fraction of appending a repetition.
        if stride == 1 { values.append(.error(.name)) } else { values.append(contentsOf: repeatElement(.error(.name), count: stride)) }
        formats.append(.number)
        isSeries.append(false)
        traits.append(CellTraits())
        positions.append(-1)
    }

    /// The id of `name`, interning it when it is new.
    mutating func intern(_ name: String) -> CellID {
        // One lookup either way: a new name is entered with the next id as it is looked up.
        let (id, isNew) = ids.intern(name)
        // A new name past the room made has no entries yet.
        if isNew && id == defined.count { addEntry() }
        return id
    }

    /// Gives `id` a definition, adding it to the file order at `position` (the end when nil) if new,
    /// and keeping the overrides it has. Each reference is bound to its id here, once: evaluation
    /// then reads values by index.
    mutating func define(_ id: CellID, _ definition: Definition, at position: Int? = nil) {
        if let slot = slots[id] {
            install(id, definition, overrides: slot.overrides, actuals: slot.actuals)
        } else {
            install(id, definition, overrides: [], actuals: [Int: Double]())
        }
        guard !defined[id] else { return }
        defined[id] = true
        let index = min(max(position ?? order.count, 0), order.count)
        if index == order.count {
            // A model's cells as it loads, each after the others.
            positions[id] = Int32(index)
            order.append(id)
            orderAhead.keepAhead(of: order)
        } else {
            order.insert(id, at: index)
            renumber(from: index)
        }
    }

    /// Replaces the overrides of defined cell `id` (each already checked to lie in the plan).
    mutating func setOverrides(_ id: CellID, _ overrides: [Definition]) {
        guard let slot = slots[id] else { return }
        install(id, slot.definition(named: names[id]), overrides: overrides, actuals: slot.actuals)
    }

    /// Replaces the actuals of defined cell `id` (period indexes already checked to lie in the plan).
    mutating func setActuals(_ id: CellID, _ actuals: [Int: Double]) {
        guard let slot = slots[id] else { return }
        install(id, slot.definition(named: names[id]), overrides: slot.overrides, actuals: actuals)
    }

    /// An actual compiles as one more override branch, the last (so it wins over the plan's own
    /// overrides): downstream cells read it like any value, and the recompute needs nothing new.
    private mutating func install(_ id: CellID, _ definition: Definition, overrides: [Definition], actuals: [Int: Double]) {
        var referenced = UniqueSlots()
        swap(&referenced, &referenceScratch)
        referenced.removeAll()
        let branches = Self.branches(overrides: overrides, actuals: actuals, timeline: timeline) { $1 }
        var readsItself = false
        // A name not interned yet gets the id interning it next will give, and is interned after:
        // the compiler writes into the store's arena, which interning must not touch meanwhile.
        let known = ids
        var newNames: [String] = []
        var newIDs = [String: CellID]()
        programs.replace(id, with: definition.expression, overrides: branches, timeline: timeline) { name in
            let reference = known.id(of: name, near: id) ?? newIDs[name] ?? {
                newIDs[name] = known.count + newNames.count
                newNames.append(name)
                return known.count + newNames.count - 1
            }()
            if reference == id { readsItself = true } else { _ = referenced.insert(reference) }
            return reference
        }
        for name in newNames { _ = intern(name) }
        references.set(id, to: referenced.list)
        let isLeadIndicator = referenced.list.isEmpty
        swap(&referenced, &referenceScratch)
        let header = programs.headers[id]
        // Most cells read no other period: their lagged slots, empty, need no look.
        let readsItselfEarlier = header.readsEarlierPeriods && programs.withProgram(id) { $0.laggedSlots.contains(id) }
        slots[id] = CellSlot(formula: definition.formula, expression: definition.expression, overrides: overrides, actuals: actuals)
        let isStock = readsItselfEarlier || definition.expression.isRunningTotal
        traits[id] = CellTraits(
            isLeadIndicator: isLeadIndicator, isStock: isStock, isOwnCycle: readsItself && !readsItselfEarlier,
            readsOtherPeriods: header.readsOtherPeriods)
    }

    /// The references of cell `id` its formula reads only through `prev`, which cannot close a
    /// cycle, and those it reads across the whole plan (a reduction, `x[2027-03]`), which may not be
    /// part of one even through `prev`: read from its program, empty for most cells.
    func periodEdges(of id: CellID) -> (lagged: Set<CellID>, planWide: Set<CellID>) {
        guard traits[id].readsOtherPeriods else { return ([], []) }
        return programs.withProgram(id) { (Set($0.laggedSlots), Set($0.wholePlanSlots)) }
    }

    /// ``periodEdges(of:)`` of each cell of `ids` that has any, by cell.
    func periodEdges(of ids: [CellID]) -> (lagged: [CellID: Set<CellID>], planWide: [CellID: Set<CellID>]) {
        var lagged: [CellID: Set<CellID>] = [:]
        var planWide: [CellID: Set<CellID>] = [:]
        for id in ids where traits[id].readsOtherPeriods {
            let edges = periodEdges(of: id)
            if !edges.lagged.isEmpty { lagged[id] = edges.lagged }
            if !edges.planWide.isEmpty { planWide[id] = edges.planWide }
        }
        return (lagged, planWide)
    }

    /// The override branches of a cell's program: its overrides in the order given, each with
    /// `expression(index, override)` for its expression, then its actuals (which win).
    static func branches(
        overrides: [Definition], actuals: [Int: Double], timeline: Timeline, expression: (Int, Expr) -> Expr
    ) -> [(periods: ClosedRange<Int>, expression: Expr)] {
        guard !overrides.isEmpty || !actuals.isEmpty else { return [] }
        return overrides.enumerated().compactMap { index, override -> (periods: ClosedRange<Int>, expression: Expr)? in
            guard let span = override.periods, let first = timeline.index(of: span.first.period),
                  let last = timeline.index(of: span.last.period) else { return nil }
            return (first...last, expression(index, override.expression))
        } + actuals.keys.sorted().map { period in
            (period...period, Expr.number(actuals[period] ?? 0, .plain, SourceRange(start: 0, end: 0)))
        }
    }

    /// Removes the definition of `id`; its value becomes `#NAME?` for the cells that still use it.
    mutating func undefine(_ id: CellID) {
        slots[id] = nil
        references.set(id, to: EmptyCollection())
        defined[id] = false
        programs.remove(id)
        traits[id] = CellTraits()
        fill(id, with: .error(.name))
        formats[id] = .number
        isSeries[id] = false
        if let position = position(of: id) {
            order.remove(at: position)
            positions[id] = -1
            renumber(from: position)
        }
    }

    /// Brings ``positions`` up to date from `index` on, after a cell came or went there.
    private mutating func renumber(from index: Int) {
        for position in index..<order.count { positions[order[position]] = Int32(position) }
    }

    /// Sets every period of `id` to `value`: a cell that does not vary over time.
    mutating func fill(_ id: CellID, with value: Value) {
        let start = base(of: id)
        for index in start..<start + stride { values[index] = value }
    }

    /// Moves a definition with its overrides, its values and its place in the file from one id to another.
    mutating func move(_ old: CellID, to new: CellID, definition: Definition, overrides: [Definition]) {
        guard let index = position(of: old) else { return }
        let actuals = slots[old]?.actuals ?? [:]
        let series = series(of: old)
        let format = formats[old]
        let wasSeries = isSeries[old]
        undefine(old)
        define(new, definition, at: index)
        setOverrides(new, overrides)
        setActuals(new, actuals)
        for (period, value) in series.enumerated() { values[base(of: new) + period] = value }
        formats[new] = format
        isSeries[new] = wasSeries
    }

    /// The formula of defined cell `id` (its overrides left out), under its name.
    func definition(of id: CellID) -> Definition? { slots[id]?.definition(named: names[id]) }

    func position(of id: CellID) -> Int? { positions[id] < 0 ? nil : Int(positions[id]) }

    func cell(_ id: CellID) -> Cell? {
        guard let slot = slots[id] else { return nil }
        return Cell(
            slot.definition(named: names[id]), overrides: slot.overrides, actuals: slot.actuals,
            references: references[id].map { names[$0] },
            values: isSeries[id] ? series(of: id) : [value(id)], format: formats[id], isStock: traits[id].isStock)
    }

    /// The names the formula of `id` and its overrides reference, unique, in order of first appearance.
    func referencedNames(of id: CellID) -> [String] {
        // Names are never taken back from their ids, so the names are read from the ids on demand.
        references[id].map { names[$0] }
    }
}
