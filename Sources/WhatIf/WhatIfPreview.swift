import PlanEngine

/// `:what-if`: the changes a set of edits would cause, without making them.
public enum WhatIfPreview {
    /// The cells whose values would change, as one edit would report them; `model`
    /// itself is a value and stays as it was. Fails as the edit would (a cycle, a bad name).
    public static func preview(_ model: Model, edits: [Definition]) -> Result<[CellChange], ModelError> {
        var trial = model
        return Result { () throws(ModelError) in try trial.define(all: edits) }
    }
}
