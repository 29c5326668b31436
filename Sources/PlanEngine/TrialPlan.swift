import Formula

/// A model compiled for running it many times with some of its cells set from outside: the
/// trials of a simulation, the low and high runs of `:drivers`.
///
/// Each run starts from a copy of ``baseValues`` (every cell at its current value, ranges at
/// their means), writes the inputs' values into their slots and runs the programs of the cells
/// downstream of them, in dependency order, on that array. Nothing else is computed and nothing
/// allocates: the programs are the model's own compiled ``Program``s, run by a ``Machine``
/// over a flat value array, never the syntax tree. A plan is immutable and `Sendable`, so
/// workers on several cores share it, each with its own machine and array.
///
/// Design for plans over time: an input holds one value for the whole run (a belief about a rate,
/// drawn once per trial); once cells are series, writing an input writes it to every period of
/// its cell, and each program runs over its periods as it does in a recompute.
public struct TrialPlan: Sendable {
    /// Every slot at the model's current values, plus one slot per name an extra expression
    /// uses that the model does not define (holding `#NAME?`).
    public let baseValues: [Value]
    /// The slots set from outside, in the order the inputs were given.
    public let inputSlots: [Int]
    /// Extra expressions (goals, a target) compiled against the same slots, in the order given.
    public let extras: [Program]
    /// The cells to recompute in each run, in dependency order, and their programs.
    private let steps: [Int]
    private let programs: [Program]
    private let slotsByName: [String: Int]

    /// The plan for setting `inputs` (defined cells of `model`) and reading anything downstream,
    /// with `expressions` compiled as ``extras`` to read the results.
    public init(_ model: Model, inputs: [String], reading expressions: [Expr] = []) {
        let store = model.store
        let graph = model.graph
        var values = store.values
        var names: [String: Int] = [:]
        for (id, name) in store.names.enumerated() { names[name] = id }
        inputSlots = inputs.compactMap { store.definedID(of: $0) }
        extras = expressions.map { expression in
            Program(expression) { name in
                if let slot = names[name] { return slot }
                values.append(.error(.name))
                names[name] = values.count - 1
                return values.count - 1
            }
        }
        var downstream = [Bool](repeating: false, count: store.symbolCount)
        var pending = inputSlots
        while let id = pending.popLast() {
            for dependent in id < graph.dependents.count ? graph.dependents[id] : [] where !downstream[dependent] {
                downstream[dependent] = true
                pending.append(dependent)
            }
        }
        let sorted = TopologicalSort.sort(store.order, graph: graph) { store.isDefined($0) }.order
        steps = sorted.filter { downstream[$0] && store.isDefined($0) }
        programs = steps.map { store.programs[$0] }
        baseValues = values
        slotsByName = names
    }

    /// The slot holding `name`'s value in a run, nil when the model has no such cell.
    public func slot(of name: String) -> Int? { slotsByName[name] }

    /// Recomputes every cell downstream of the inputs in `values` (laid out as ``baseValues``),
    /// whose input slots the caller has just written.
    public func run(_ values: UnsafeMutableBufferPointer<Value>, machine: inout Machine) {
        let slots = UnsafeBufferPointer(values)
        for index in steps.indices {
            values[steps[index]] = machine.value(of: programs[index], slots: slots)
        }
    }

    /// The value of extra expression `index` on `values` after a run.
    public func extra(_ index: Int, on values: UnsafeMutableBufferPointer<Value>, machine: inout Machine) -> Value {
        machine.value(of: extras[index], slots: UnsafeBufferPointer(values))
    }
}
