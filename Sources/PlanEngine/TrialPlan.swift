import Formula

/// A model compiled for running it many times with some of its cells set from outside: the
/// trials of a simulation, the low and high runs of `:drivers`.
///
/// Each run starts from a copy of ``baseValues`` (every cell at its current value, ranges at
/// their means, laid out as the model's values: slot-major over the periods), writes the inputs
/// (``set(_:to:in:)``) and runs the programs of the input cells and of the cells downstream of
/// them, in dependency order, on that array. Nothing else is computed and nothing allocates: the
/// programs are compiled ``Program``s run by a ``Machine`` over a flat value array, never the
/// syntax tree, read in place: the model's own (its arena is shared, not copied, so making a plan
/// of a million cells writes no code) and those of the input cells compiled again. A plan is
/// immutable and `Sendable`, so workers on several cores share it, each with its own machine and
/// array.
///
/// An input holds one value for the whole run (a belief about a rate, drawn once per trial): it
/// has a slot of its own, and its cell's program is compiled again with that slot where the part
/// the input sets was (``TrialInput/Part``), so the cell's other overrides and its actuals keep
/// their periods. A range that is its cell's whole formula, with no overrides or actuals, is
/// written straight into the cell's slot instead.
///
/// Over periods each program runs as a recompute runs it: once for a cell that does not vary
/// over time (its value then fills every period), over every period for a series, and period by
/// period, cell after cell, for cells tied in a loop through `prev`.
public struct TrialPlan: Sendable {
    /// Every slot at the model's current values, plus a slot per input (at its current value) and
    /// one per name an extra expression uses that the model does not define (holding `#NAME?`);
    /// ``periodCount`` values each.
    public let baseValues: [Value]
    /// Extra expressions (goals, a target) compiled against the same slots, in the order given.
    public let extras: [Program]
    /// Whether each extra varies over time (then it is read in every period).
    public let extraIsSeries: [Bool]
    /// The slot each extra's values over the periods are written to by ``extraSeries(_:on:machine:)``.
    private let extraSlots: [Int]
    /// Values per slot: the model's periods (one without a `periods` line).
    public let periodCount: Int
    /// The periods a run's machine is laid out over (``makeMachine()``).
    public let timeline: Timeline
    private let inputSlots: [Int]
    /// What each run computes, in order: entries `first..<first + count` of ``cells``, each
    /// computed by its program in ``programs`` (an index into the arena the step reads).
    private let steps: [Step]
    /// The model's programs, program `id` for cell `id`, shared with the model.
    private let modelPrograms: ProgramArena
    /// The input cells' programs, compiled again to read their inputs' slots.
    private let inputPrograms: ProgramArena
    /// The cells a run computes, in the order it computes them, and the program of each.
    private let cells: [Int]
    private let programs: [Int]
    private let isSeries: [Bool]
    /// The model's names by id (shared with the model, not copied), and the slots of names it does not have.
    private let modelSlots: NameTable
    private let addedSlots: [String: Int]

    private struct Step: Sendable {
        enum Kind: Sendable {
            /// Cells that do not vary over time, one after the other: each computed once, copied to every period.
            case singles
            /// One cell over every period in order (it may read itself through `prev`).
            case series
            /// Cells tied in a loop through `prev`: each period in turn, every cell of the loop.
            case loop
        }

        let kind: Kind
        /// Whether the step's programs are the input cells' (``inputPrograms``) or the model's.
        let readsInputPrograms: Bool
        let first: Int
        let count: Int
    }

    /// The plan for setting `inputs` (parts of defined cells of `model`) and reading anything
    /// downstream, with `expressions` compiled as ``extras`` to read the results.
    public init(_ model: Model, inputs: [TrialInput], reading expressions: [Expr] = []) {
        let store = model.store
        let graph = model.graph
        let stride = store.stride
        timeline = store.timeline
        periodCount = stride
        var values = store.values
        var series = store.isSeries
        // Copied once with room for the slots added below (inputs, extras, a few unknown names),
        // not once more when the first of them is added.
        let added = inputs.count + expressions.count + 8
        values.reserveCapacity(values.count + added * stride)
        series.reserveCapacity(series.count + added)
        let modelSlots = store.nameIDs
        var names: [String: Int] = [:]
        func newSlot(holding value: Value) -> Int {
            values.append(contentsOf: repeatElement(value, count: stride))
            series.append(false)
            return series.count - 1
        }
        /// The slot of a name; a name the model does not define gets one holding `#NAME?`.
        func bind(_ name: String) -> Int {
            if let slot = modelSlots.id(of: name) ?? names[name] { return slot }
            let slot = newSlot(holding: .error(.name))
            names[name] = slot
            return slot
        }
        // Each input's own slot, and the input cells' programs compiled again to read them; a
        // range that is the whole of its cell (no overrides, no actuals) is drawn into the cell itself.
        var inputSlots: [Int] = []
        var rewrittenPrograms = ProgramArena()
        var rewritten: [Int: Int] = [:]
        var drawnInPlace: [Int] = []
        for (cell, parts) in Self.grouped(inputs) {
            guard let id = store.definedID(of: cell), let slot = store.slots[id] else {
                inputSlots += parts.map { _ in newSlot(holding: .error(.name)) }
                continue
            }
            if parts == [.formula], slot.overrides.isEmpty, slot.actuals.isEmpty, !store.isSeries[id] {
                inputSlots.append(id)
                drawnInPlace.append(id)
                continue
            }
            var partSlots: [(part: TrialInput.Part, name: String)] = []
            for part in parts {
                let base: Value = switch part {
                case .formula: Evaluator.evaluate(slot.expression) { _ in .error(.name) }
                case .override(let index): index < slot.overrides.count
                    ? Evaluator.evaluate(slot.overrides[index].expression) { _ in .error(.name) } : .error(.value)
                case .scale: .number(1)
                }
                let input = newSlot(holding: base)
                inputSlots.append(input)
                let name = "\u{0}input \(input)"
                names[name] = input
                partSlots.append((part, name))
            }
            let read = { (name: String, at: SourceRange) in Expr.name(name, at) }
            let scaled = partSlots.first { $0.part == .scale }.map { scale in
                { (expression: Expr) in Expr.binary(.multiply, expression, read(scale.name, expression.range), expression.range) }
            } ?? { $0 }
            let formula = slot.expression
            let branches = CellStore.branches(overrides: slot.overrides, actuals: slot.actuals, timeline: store.timeline) { index, expression in
                partSlots.first { $0.part == .override(index) }.map { read($0.name, expression.range) } ?? scaled(expression)
            }
            let main = partSlots.first { $0.part == .formula }.map { read($0.name, formula.range) } ?? scaled(formula)
            rewritten[id] = rewrittenPrograms.append(main, overrides: branches, timeline: store.timeline, bind: bind)
        }
        self.inputSlots = inputSlots
        // The input cells and everything downstream, by components along precedents, each after what it uses.
        var computed = [Bool](repeating: false, count: store.symbolCount)
        var pending = Array(rewritten.keys)
        for id in pending { computed[id] = true }
        pending += drawnInPlace
        while let id = pending.popLast() {
            for dependent in id < graph.dependents.count ? graph.dependents[id] : [] where !computed[dependent] && store.isDefined(dependent) {
                computed[dependent] = true
                pending.append(dependent)
            }
        }
        let downstream = store.order.filter { computed[$0] }
        let includes = { (id: CellID) in id < computed.count && computed[id] }
        var steps: [Step] = []
        var cells: [Int] = []
        var programs: [Int] = []
        cells.reserveCapacity(downstream.count)
        programs.reserveCapacity(downstream.count)
        /// The program of cell `id` (rewritten to read its inputs, or the model's), read in place.
        func program<Result>(of id: CellID, _ body: (ProgramView) -> Result) -> Result {
            guard let index = rewritten[id] else { return store.programs.withProgram(id, body) }
            return rewrittenPrograms.withProgram(index, body)
        }
        /// Whether a cell on its own varies over time (see ``Recalculator``).
        func varies(_ id: CellID) -> Bool {
            program(of: id) { program in program.variesByItself || program.seriesSlots.contains { $0 != id && series[$0] } }
        }
        /// One step: a cell, or cells tied in a loop through `prev` (each after what it uses in the
        /// same period). A cell that is not an input joins the singles before it; an input cell's
        /// program is in another arena, so a loop holding one reads that arena for all of its cells.
        func add(_ order: some RandomAccessCollection<CellID>) {
            let kind: Step.Kind = order.count > 1 ? .loop : stride > 1 && varies(order.first!) ? .series : .singles
            let readsInputs = order.contains { rewritten[$0] != nil }
            for id in order {
                series[id] = stride > 1 && kind != .singles
                cells.append(id)
                // A cell of a loop with an input cell: its value code is copied beside the input cell's.
                programs.append(readsInputs ? rewritten[id] ?? rewrittenPrograms.appendValueCode(of: id, in: store.programs) : id)
            }
            if kind == .singles, let last = steps.last, last.kind == .singles, last.readsInputPrograms == readsInputs {
                steps[steps.count - 1] = Step(kind: .singles, readsInputPrograms: readsInputs, first: last.first, count: last.count + 1)
            } else {
                steps.append(Step(kind: kind, readsInputPrograms: readsInputs, first: cells.count - order.count, count: order.count))
            }
        }
        if graph.hasLaggedEdges {
            for component in StronglyConnected.components(of: downstream, graph: graph, includes: includes) {
                add(StronglyConnected.periodOrder(component, graph: graph))
            }
        } else {
            // Without a read through prev nothing is tied in a loop: an order along precedents is enough.
            for id in TopologicalSort.sort(downstream, graph: graph, isDefined: includes).order {
                add(CollectionOfOne(id))
            }
        }
        self.steps = steps
        modelPrograms = store.programs
        inputPrograms = rewrittenPrograms
        self.cells = cells
        self.programs = programs
        extras = expressions.map { Program($0, timeline: store.timeline, bind: bind) }
        extraSlots = extras.map { _ in newSlot(holding: .number(0)) }
        extraIsSeries = extras.map { stride > 1 && ($0.variesByItself || $0.seriesSlots.contains { series[$0] }) }
        isSeries = series
        baseValues = values
        self.modelSlots = modelSlots
        addedSlots = names
    }

    /// The inputs by cell, in order of first appearance, each cell's parts in the order given.
    private static func grouped(_ inputs: [TrialInput]) -> [(cell: String, parts: [TrialInput.Part])] {
        var groups: [(cell: String, parts: [TrialInput.Part])] = []
        var positions: [String: Int] = [:]
        for input in inputs {
            if let position = positions[input.cell] {
                groups[position].parts.append(input.part)
            } else {
                positions[input.cell] = groups.count
                groups.append((input.cell, [input.part]))
            }
        }
        return groups
    }

    /// A machine laid out over this plan's periods.
    public func makeMachine() -> Machine {
        var machine = Machine()
        machine.timeline = timeline
        return machine
    }

    /// The slot holding `name`'s value in a run, nil when the model has no such cell.
    public func slot(of name: String) -> Int? { modelSlots.id(of: name) ?? addedSlots[name] }

    /// Whether the values of `slot` differ between periods in a run.
    public func isSeries(_ slot: Int) -> Bool { isSeries[slot] }

    /// The slot of input `index` in the order given (its base value is in ``baseValues``).
    public func inputSlot(_ index: Int) -> Int { inputSlots[index] }

    /// Sets input `index` (in the order given) to `value` for every period of the next run.
    public func set(_ index: Int, to value: Value, in values: UnsafeMutableBufferPointer<Value>) {
        let start = inputSlots[index] &* periodCount
        for period in 0..<periodCount { values[start &+ period] = value }
    }

    /// Recomputes the input cells and every cell downstream of them in `values` (laid out as
    /// ``baseValues``), whose input slots the caller has just set.
    public func run(_ values: UnsafeMutableBufferPointer<Value>, machine: inout Machine) {
        cells.withUnsafeBufferPointer { cells in
            programs.withUnsafeBufferPointer { programs in
                for step in steps {
                    // The arena is passed, not copied: a copy per step would take a reference count
                    // on each of its arrays, shared by the workers of every core.
                    if step.readsInputPrograms {
                        run(step, of: inputPrograms, programs: programs, cells: cells, values: values, machine: &machine)
                    } else {
                        run(step, of: modelPrograms, programs: programs, cells: cells, values: values, machine: &machine)
                    }
                }
            }
        }
    }

    private func run(
        _ step: Step, of arena: ProgramArena, programs: UnsafeBufferPointer<Int>, cells: UnsafeBufferPointer<Int>,
        values: UnsafeMutableBufferPointer<Value>, machine: inout Machine
    ) {
        let all = 0...(periodCount - 1)
        switch step.kind {
        case .singles:
            machine.runSingles(step.first..<(step.first + step.count), of: arena, programs: programs, cells: cells, slots: values)
        case .series:
            _ = arena.withProgram(programs[step.first]) { machine.evaluate($0, slots: values, into: cells[step.first], periods: all) }
        case .loop:
            for period in all {
                for index in step.first..<(step.first + step.count) {
                    _ = arena.withProgram(programs[index]) {
                        machine.evaluate($0, slots: values, into: cells[index], periods: period...period)
                    }
                }
            }
        }
    }

    /// The value of extra expression `index` (one that does not vary over time) on `values` after a run.
    public func extra(_ index: Int, on values: UnsafeMutableBufferPointer<Value>, machine: inout Machine) -> Value {
        machine.value(of: extras[index], slots: UnsafeBufferPointer(values))
    }

    /// The values of extra expression `index` in every period of `values` after a run, computed
    /// in one pass over the periods into a slot of its own (a monthly goal's side).
    public func extraSeries(
        _ index: Int, on values: UnsafeMutableBufferPointer<Value>, machine: inout Machine
    ) -> UnsafeBufferPointer<Value> {
        let slot = extraSlots[index]
        _ = machine.evaluate(extras[index], slots: values, into: slot, periods: 0...(periodCount - 1))
        return UnsafeBufferPointer(rebasing: values[(slot &* periodCount)..<((slot &+ 1) &* periodCount)])
    }
}

/// One value a ``TrialPlan`` run sets from outside, and which part of its cell it replaces.
public struct TrialInput: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        /// The cell's formula (a range drawn in a trial); its overrides and actuals keep their periods.
        case formula
        /// The expression of one of the cell's overrides (its index among them, in file order).
        case override(Int)
        /// A factor on the cell's formula and overrides (a plain lead indicator moved by ±10%);
        /// actuals, being what happened, stay.
        case scale
    }

    public let cell: String
    public let part: Part

    public init(cell: String, part: Part) {
        self.cell = cell
        self.part = part
    }
}
