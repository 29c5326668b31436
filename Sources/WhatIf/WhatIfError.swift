import Formula
import PlanEngine

/// Why a sensitivity table or a scenario comparison could not be computed.
/// Each description is a message for the person who asked.
public enum WhatIfError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCell(String)
    /// Only a lead indicator can be set to a number; a lag indicator follows from others.
    case inputNotLeadIndicator(String)
    case sameInputOnBothAxes(String)
    case emptyAxis(String)
    case zeroStep
    /// The step moves from `from` away from `to`.
    case stepAwayFromEnd(from: Double, to: Double, step: Double)
    case nonFiniteRange
    case tooManyPoints(limit: Int)
    case tooManyCells(count: Int, limit: Int)
    /// Stopped on request (Ctrl-C) before it finished.
    case interrupted
    /// A scenario's overrides do not apply to the base model (they would close a cycle).
    case scenarioDoesNotApply(name: String, ModelError)

    public var description: String {
        switch self {
        case .unknownCell(let name):
            "no cell named '\(name)'"
        case .inputNotLeadIndicator(let name):
            "'\(name)' is a lag indicator (its formula uses other cells); pick a lead indicator"
        case .sameInputOnBothAxes(let name):
            "'\(name)' is on both axes; a two-way table needs two different inputs"
        case .emptyAxis(let name):
            "no values given for '\(name)'"
        case .zeroStep:
            "the step must not be 0"
        case .stepAwayFromEnd(let from, let to, let step):
            "a step of \(Self.number(step)) never gets from \(Self.number(from)) to \(Self.number(to))"
        case .nonFiniteRange:
            "the range and step must be finite numbers"
        case .tooManyPoints(let limit):
            "that range has more than \(limit) points; use a larger step"
        case .tooManyCells(let count, let limit):
            "that table has \(count) cells, more than \(limit); use fewer points"
        case .interrupted:
            "stopped (Ctrl-C): nothing was changed"
        case .scenarioDoesNotApply(let name, let error):
            "scenario '\(name)': \(error)"
        }
    }

    private static func number(_ value: Double) -> String { ValueFormatter.machine(.number(value)) }
}
