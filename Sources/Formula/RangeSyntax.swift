/// Where ranges may be written and what they say: `lo to hi` and the distribution functions
/// (`normal`, `uniform`, `triangular`, `lognormal`) are the whole formula of a lead indicator,
/// with numbers for arguments.
///
/// The parser keeps `lo to hi` as a call of `to`, so every walk of the syntax (references,
/// renames, the compiler) treats a range like any call; ``Builtins`` evaluates each to its mean.
/// The checks here run on every parsed statement with a call in it, so a misplaced range or an impossible one
/// (`40% to 20%`, a negative sd) is an error with its location wherever it is typed or loaded.
public enum RangeSyntax {
    /// The call names that make a range, with how they are written, for messages.
    static let forms: [String: (count: Int, usage: String)] = [
        "to": (2, "low to high"),
        "normal": (2, "normal(mean, sd)"),
        "uniform": (2, "uniform(low, high)"),
        "triangular": (3, "triangular(low, mode, high)"),
        "lognormal": (2, "lognormal(low, high)"),
    ]

    /// True for a call that makes a range.
    static func isRange(call name: String) -> Bool { forms[name.lowercased()] != nil }

    /// The distribution `expr` describes, when it is a range as a whole formula: `25% to 40%`.
    public static func distribution(of expr: Expr) -> Distribution? {
        guard case .call(let name, let arguments, _) = expr, isRange(call: name) else { return nil }
        guard let numbers = constantNumbers(arguments) else { return nil }
        return try? make(name, numbers).get()
    }

    /// The distribution a range call names, or what is wrong with its numbers and which one.
    static func make(_ name: String, _ numbers: [Double]) -> Result<Distribution, Problem> {
        let name = name.lowercased()
        guard let form = forms[name], numbers.count == form.count else {
            return .failure(Problem(message: "\(forms[name]?.usage ?? name) wants \(forms[name]?.count ?? 0) numbers",
                                    argument: nil))
        }
        switch name {
        case "to":
            if let problem = orderProblem(numbers[0], numbers[1], "a range") { return .failure(problem) }
            return .success(numbers[0] > 0
                ? .lognormal(fifthPercentile: numbers[0], ninetyFifthPercentile: numbers[1])
                : .normal(fifthPercentile: numbers[0], ninetyFifthPercentile: numbers[1]))
        case "normal":
            guard numbers[1] >= 0 else {
                return .failure(Problem(message: "the standard deviation of normal(mean, sd) cannot be negative", argument: 1))
            }
            return .success(.normal(mean: numbers[0], standardDeviation: numbers[1]))
        case "uniform":
            if let problem = orderProblem(numbers[0], numbers[1], "uniform(low, high)") { return .failure(problem) }
            return .success(.uniform(low: numbers[0], high: numbers[1]))
        case "triangular":
            if let problem = orderProblem(numbers[0], numbers[2], "triangular(low, mode, high)", highArgument: 2) {
                return .failure(problem)
            }
            guard numbers[0] <= numbers[1], numbers[1] <= numbers[2] else {
                return .failure(Problem(message: "the mode of triangular(low, mode, high) must lie between low and high",
                                        argument: 1))
            }
            return .success(.triangular(low: numbers[0], mode: numbers[1], high: numbers[2]))
        default:
            guard numbers[0] > 0 else {
                return .failure(Problem(
                    message: "lognormal(low, high) needs both ends above zero (low to high gives a normal for other ends)",
                    argument: 0))
            }
            if let problem = orderProblem(numbers[0], numbers[1], "lognormal(low, high)") { return .failure(problem) }
            return .success(.lognormal(fifthPercentile: numbers[0], ninetyFifthPercentile: numbers[1]))
        }
    }

    /// What is wrong with a range's numbers, and the index of the argument to point at (nil: the whole call).
    struct Problem: Error {
        let message: String
        let argument: Int?
    }

    private static func orderProblem(_ low: Double, _ high: Double, _ what: String, highArgument: Int = 1) -> Problem? {
        guard high < low else { return nil }
        return Problem(message: "the high end of \(what) is below its low end: write the lower number first",
                       argument: highArgument)
    }

    /// The arguments' values when each is a number that uses no cell.
    private static func constantNumbers(_ arguments: [Expr]) -> [Double]? {
        var numbers: [Double] = []
        for argument in arguments {
            guard argument.referencedNames.isEmpty,
                  let number = Evaluator.evaluate(argument, lookup: { _ in .error(.name) }).numeric else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    /// Refuses a statement with a range anywhere but as the whole formula, or with a range whose
    /// numbers are not numbers, use cells, or do not make a distribution.
    static func check(_ statement: Statement) throws(Diagnostic) {
        switch statement {
        case .definition(_, _, let expression), .expression(let expression), .override(_, _, _, let expression):
            try check(expression)
        case .periods, .actual:
            break
        case .goal(let goal):
            try refuseNested(in: .binary(goal.comparison, goal.lhs, goal.rhs, goal.range), top: nil)
        }
    }

    static func check(_ expression: Expr) throws(Diagnostic) {
        try refuseNested(in: expression, top: expression)
        guard case .call(let name, let arguments, let range) = expression, isRange(call: name) else { return }
        var numbers: [Double] = []
        for argument in arguments {
            var firstName: SourceRange?
            argument.forEachNodeInSourceOrder { node in
                if case .name(_, let at) = node, firstName == nil { firstName = at }
            }
            if let firstName {
                throw Diagnostic("a range's numbers cannot use other cells: only lead indicators may be ranges",
                                 at: firstName)
            }
            let value = Evaluator.evaluate(argument, lookup: { _ in .error(.name) })
            guard let number = value.numeric else {
                throw Diagnostic("this is not a number (\(value.error?.rawValue ?? "?"))", at: argument.range)
            }
            numbers.append(number)
        }
        if case .failure(let problem) = make(name, numbers) {
            throw Diagnostic(problem.message, at: problem.argument.map { arguments[$0].range } ?? range)
        }
    }

    /// A range inside a formula (other than `top`, the whole formula) is refused at the first one.
    private static func refuseNested(in expression: Expr, top: Expr?) throws(Diagnostic) {
        var misplaced: SourceRange?
        expression.forEachNodeInSourceOrder { node in
            guard misplaced == nil, case .call(let name, _, let range) = node, isRange(call: name) else { return }
            if let top, node == top { return }
            misplaced = range
        }
        if let misplaced {
            throw Diagnostic(
                "only a lead indicator may be a range, as its whole formula: give it a cell such as win_rate = 25% to 40%",
                at: misplaced)
        }
    }
}
