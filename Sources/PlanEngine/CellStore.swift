import Formula
import OrderedCollections

/// Integer identity of a name in a model: every name defined or referenced gets one,
/// so recompute works on array indexes instead of hashing strings.
typealias CellID = Int

/// What a defined cell holds besides its value and its compiled formula: the formula and the
/// ids it references.
struct CellSlot: Sendable {
    var definition: Definition
    /// The ids of the names the formula references, unique, in order of first appearance.
    var referenceIDs: [CellID]
}

/// The cells of a model as parallel arrays indexed by ``CellID``, with the
/// names interned once and the defined cells kept in file order.
///
/// A name that is referenced but not defined has an id and no slot; its value
/// is `#NAME?` until it is defined, which is how a dangling reference heals.
struct CellStore: Sendable {
    private var ids: [String: CellID] = [:]
    private(set) var names: [String] = []
    private(set) var slots: [CellSlot?] = []
    /// Each defined cell's formula compiled with its references bound to ids, apart from the
    /// slots so that evaluation reads a program in place (a name not defined has a placeholder).
    private(set) var programs: [Program] = []
    var values: [Value] = []
    var formats: [DisplayFormat] = []
    /// Defined cells in file order.
    private(set) var order = OrderedSet<CellID>()

    var symbolCount: Int { names.count }

    func id(of name: String) -> CellID? { ids[name] }

    /// Whether each id names a defined cell: asked for every cell a recompute visits, and
    /// cheaper than looking at the slot, which would take a reference count on every part of it.
    private var defined: [Bool] = []

    func isDefined(_ id: CellID) -> Bool { defined[id] }

    func definedID(of name: String) -> CellID? {
        guard let id = ids[name], defined[id] else { return nil }
        return id
    }

    /// The id of `name`, interning it when it is new.
    mutating func intern(_ name: String) -> CellID {
        if let id = ids[name] { return id }
        let id = names.count
        ids[name] = id
        names.append(name)
        slots.append(nil)
        defined.append(false)
        programs.append(Self.undefinedProgram)
        values.append(.error(.name))
        formats.append(.number)
        return id
    }

    /// Gives `id` a definition, adding it to the file order at `position` (the end when nil) if new.
    /// Each reference is bound to its id here, once: evaluation then reads values by index.
    mutating func define(_ id: CellID, _ definition: Definition, at position: Int? = nil) {
        var referenceIDs: [CellID] = []
        var seen = Set<CellID>()
        let program = Program(definition.expression) { name in
            let reference = intern(name)
            if seen.insert(reference).inserted { referenceIDs.append(reference) }
            return reference
        }
        let isNew = !defined[id]
        defined[id] = true
        slots[id] = CellSlot(definition: definition, referenceIDs: referenceIDs)
        programs[id] = program
        if isNew {
            let index = min(max(position ?? order.count, 0), order.count)
            order.insert(id, at: index)
        }
    }

    /// Removes the definition of `id`; its value becomes `#NAME?` for the cells that still use it.
    mutating func undefine(_ id: CellID) {
        slots[id] = nil
        defined[id] = false
        programs[id] = Self.undefinedProgram
        values[id] = .error(.name)
        formats[id] = .number
        order.remove(id)
    }

    /// Moves a definition, its value and its place in the file from one id to another.
    mutating func move(_ old: CellID, to new: CellID, definition: Definition) {
        guard let index = order.firstIndex(of: old) else { return }
        let value = values[old]
        let format = formats[old]
        undefine(old)
        define(new, definition, at: index)
        values[new] = value
        formats[new] = format
    }

    func position(of id: CellID) -> Int? { order.firstIndex(of: id) }

    func cell(_ id: CellID) -> Cell? {
        guard let slot = slots[id] else { return nil }
        return Cell(slot.definition, references: referencedNames(of: id), value: values[id], format: formats[id])
    }

    /// The names the formula of `id` references, unique, in order of first appearance.
    func referencedNames(of id: CellID) -> [String] {
        slots[id]?.referenceIDs.map { names[$0] } ?? []
    }

    /// What an id that names no defined cell holds in ``programs``: never run, shared by all of them.
    private static let undefinedProgram = Program(.number(0, .plain, SourceRange(start: 0, end: 0))) { _ in 0 }
}
