import Formula
import Testing

/// Values of formulas: arithmetic, functions, error values and how they spread.
@Suite struct EvaluatorTests {
    static let cells: [String: Value] = [
        "leads": .number(120), "rate": .number(0.15), "zero": .number(0), "yes": .boolean(true),
        "no": .boolean(false), "broken": .error(.number),
    ]

    /// (formula, value)
    static let arithmetic: [(String, Value)] = [
        ("leads * rate", .number(18)),
        ("leads / 8", .number(15)),
        ("leads - 20 + 5", .number(105)),
        ("2 ^ 10", .number(1024)),
        ("-leads", .number(-120)),
        ("+leads", .number(120)),
        ("0 ^ 0", .number(1)),
        // Booleans count as 1 and 0.
        ("true + true", .number(2)),
        ("yes * 5", .number(5)),
        ("(1 < 2) + 1", .number(2)),
        ("-yes", .number(-1)),
        ("+no", .number(0)),
        ("yes == 1", .boolean(true)),
        // and / or / not take booleans or numbers (nonzero is true) and give booleans.
        ("yes and no", .boolean(false)),
        ("yes or no", .boolean(true)),
        ("2 and 3", .boolean(true)),
        ("0 or 0", .boolean(false)),
        ("not 0", .boolean(true)),
        ("not 5", .boolean(false)),
        ("not no", .boolean(true)),
    ]

    @Test(arguments: arithmetic)
    func computesArithmetic(source: String, value: Value) {
        #expect(evaluated(source, Self.cells) == value)
    }

    /// Comparisons look at 15 significant digits, as spreadsheets do.
    @Test(arguments: [
        ("0.1 + 0.2 == 0.3", true),
        ("0.1 + 0.2 != 0.3", false),
        ("0.1 + 0.2 > 0.3", false),
        ("0.1 + 0.2 <= 0.3", true),
        ("-0.1 - 0.2 == -0.3", true),
        ("1 / 3 * 3 == 1", true),
        ("1 == 1.000000000000001", true),   // differs in the 16th digit
        ("1 == 1.00000000000001", false),   // differs in the 15th
        ("1e20 + 1e6 == 1e20", false),
        ("2 < 3", true), ("3 <= 3", true), ("4 > 3", true), ("3 >= 4", false), ("3 != 3", false),
        ("0 == -0", true),
        ("1e-320 < 2e-320", true),
    ])
    func comparesToFifteenDigits(source: String, holds: Bool) {
        #expect(evaluated(source) == .boolean(holds))
    }

    /// (formula, value)
    static let functions: [(String, Value)] = [
        ("min(3, 1, 2)", .number(1)),
        ("min(5)", .number(5)),
        ("max(3, 1, 2)", .number(3)),
        ("sum(1, 2, 3)", .number(6)),
        ("sum(true, true, false)", .number(2)),
        ("avg(1, 2, 3, 4)", .number(2.5)),
        ("round(2.5)", .number(3)),
        ("round(-2.5)", .number(-3)),
        ("round(0.5)", .number(1)),
        ("round(1.4999)", .number(1)),
        ("round(1.005, 2)", .number(1.01)),
        ("round(-1.005, 2)", .number(-1.01)),
        ("round(2.345, 2)", .number(2.35)),
        ("round(3.14159, 3)", .number(3.142)),
        ("round(1234, -2)", .number(1200)),
        ("round(1250, -2)", .number(1300)),
        ("round(2.55, 1.9)", .number(2.6)),   // digits are truncated to a whole number
        ("round(123.456, 400)", .number(123.456)),
        ("round(5, -400)", .number(0)),
        ("round(1e300, 2)", .number(1e300)),
        ("floor(2.7)", .number(2)),
        ("floor(-2.2)", .number(-3)),
        ("ceil(2.1)", .number(3)),
        ("ceil(-2.7)", .number(-2)),
        ("abs(-3)", .number(3)),
        ("sqrt(16)", .number(4)),
        ("ln(1)", .number(0)),
        ("exp(0)", .number(1)),
        ("ln(exp(2)) == 2", .boolean(true)),
        ("clamp(5, 0, 10)", .number(5)),
        ("clamp(-5, 0, 10)", .number(0)),
        ("clamp(50, 0, 10)", .number(10)),
        ("if(true, 1, 2)", .number(1)),
        ("if(0, 1, 2)", .number(2)),
        ("if(leads > 100, 1 < 2, 0)", .boolean(true)),
        ("iferror(1 / 0, 7)", .number(7)),
        ("iferror(3, 7)", .number(3)),
        // Function names are case-insensitive.
        ("ROUND(2.5)", .number(3)),
        ("Max(1, 2)", .number(2)),
        ("IfError(broken, 1)", .number(1)),
    ]

    @Test(arguments: functions)
    func computesFunctions(source: String, value: Value) {
        #expect(evaluated(source, Self.cells) == value)
    }

    @Test func functionNamesAreListedLowercaseAndSorted() {
        #expect(Builtins.functionNames == [
            "abs", "average", "avg", "ceil", "clamp", "cumulative", "exp", "first", "floor", "if", "iferror", "last",
            "ln", "lognormal", "lowest", "max", "min", "normal", "peak", "prev", "round", "sqrt", "sum", "total",
            "triangular", "uniform", "ytd",
        ])
    }

    /// Wrong argument counts are `#VALUE!`, checked before any argument is evaluated.
    @Test(arguments: [
        "min()", "max()", "sum()", "avg()", "round()", "round(1, 2, 3)", "floor()", "floor(1, 2)", "ceil(1, 2)",
        "abs()", "sqrt(1, 2)", "ln()", "exp(1, 2)", "clamp(1, 2)", "clamp(1, 2, 3, 4)", "if(1, 2)",
        "if(1, 2, 3, 4)", "iferror(1)", "iferror(1, 2, 3)", "sqrt(1 / 0, 2)",
    ])
    func wrongArityIsAValueError(source: String) {
        #expect(evaluated(source) == .error(.value))
    }

    /// (formula, error)
    static let errors: [(String, CellError)] = [
        ("1 / 0", .divisionByZero),
        ("0 / 0", .divisionByZero),
        ("leads / zero", .divisionByZero),
        ("missing", .name),
        ("missing * 2", .name),
        ("nosuchfunction(1)", .name),
        ("nosuchfunction(1 / 0)", .name),
        ("sqrt(-1)", .number),
        ("ln(0)", .number),
        ("ln(-1)", .number),
        ("0 ^ -1", .number),
        ("(-8) ^ (1 / 3)", .number),
        ("1e308 * 10", .number),
        ("exp(1000)", .number),
        ("sum(1e308, 1e308)", .number),
        ("avg(1e308, 1e308)", .number),
        ("-1e308 - 1e308", .number),
        ("clamp(5, 10, 1)", .value),
        ("broken * 0", .number),
    ]

    @Test(arguments: errors)
    func producesErrorValues(source: String, error: CellError) {
        #expect(evaluated(source, Self.cells) == .error(error))
    }

    /// An error in an operand is the result; the first one met, left to right, wins.
    static let propagation: [(String, CellError)] = [
        ("missing + 1 / 0", .name),
        ("1 / 0 + missing", .divisionByZero),
        ("max(1, missing, 1 / 0)", .name),
        ("max(1, 1 / 0, missing)", .divisionByZero),
        ("-missing", .name),
        ("not missing", .name),
        ("missing == 1", .name),
        ("1 < broken", .number),
        ("if(missing, 1, 2)", .name),
        ("if(true, 1 / 0, 2)", .divisionByZero),
        ("iferror(missing, 1 / 0)", .divisionByZero),
        ("true and 1 / 0", .divisionByZero),
        ("missing or true", .name),
        ("round(2.5, missing)", .name),
    ]

    @Test(arguments: propagation)
    func propagatesTheFirstError(source: String, error: CellError) {
        #expect(evaluated(source, Self.cells) == .error(error))
    }

    /// `if`, `iferror`, `and` and `or` evaluate only what they need.
    static let lazy: [(String, [String: Value], Value)] = [
        ("if(x == 0, 0, y / x)", ["x": .number(0), "y": .number(5)], .number(0)),
        ("if(x == 0, 0, y / x)", ["x": .number(2), "y": .number(5)], .number(2.5)),
        ("if(true, 1, missing)", [:], .number(1)),
        ("if(false, missing, 2)", [:], .number(2)),
        ("iferror(2, missing)", [:], .number(2)),
        ("false and 1 / 0", [:], .boolean(false)),
        ("true or missing", [:], .boolean(true)),
    ]

    @Test(arguments: lazy)
    func evaluatesOnlyTheBranchTaken(source: String, cells: [String: Value], value: Value) {
        #expect(evaluated(source, cells) == value)
    }

    @Test func looksUpEachReferenceThroughTheCaller() throws {
        let expr = try Parser.parseExpression("a + b * a").get()
        var asked: [String] = []
        let value = Evaluator.evaluate(expr) { name in
            asked.append(name)
            return .number(name == "a" ? 2 : 3)
        }
        #expect(value == .number(8))
        #expect(asked == ["a", "b", "a"])
    }
}
