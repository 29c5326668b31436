import Formula

/// What a goal seek came to: the input value that makes the target equal the
/// goal, or the reason there is none.
public enum SeekOutcome: Equatable, Sendable {
    /// `value` is the input that reaches the goal; `targetValue` is the target's value
    /// there; `evaluations` counts the input values tried.
    case found(value: Double, targetValue: Value, evaluations: Int)
    case failed(SeekFailure)
}

/// Why a goal seek found no input value, in terms the REPL can explain.
public enum SeekFailure: Error, Equatable, Sendable {
    /// Only a lead indicator can be set to a number; a lag indicator follows from others.
    case inputNotLeadIndicator(String)
    case unknownCell(String)
    /// The target does not use the input, directly or through other cells.
    case targetIndependentOfInput
    /// No value in `searchedRange` reaches the goal (a cap made by `min`, a step made by
    /// `if`); `closest` is the input that came nearest and `closestTargetValue` the target there.
    case unreachable(closest: Double, closestTargetValue: Double, searchedRange: ClosedRange<Double>)
    /// The target is an error value at every input value tried.
    case targetIsError(CellError)
}
