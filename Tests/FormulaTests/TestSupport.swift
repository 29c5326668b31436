import Formula
import Testing

/// Prints syntax as S-expressions so a test can state a tree's shape in one line:
/// `1 + 2 * 3` is `(+ 1 (* 2 3))`; `$5` is `$5`, `€5` is `€5`, `15%` is `0.15%`, calls are `(max a b)`.
func sExpression(_ expr: Expr) -> String {
    switch expr {
    case .number(let value, let style, _):
        let digits = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        switch style {
        case .plain: return digits
        case .percent: return digits + "%"
        case .currency(let symbol): return symbol.rawValue + digits
        }
    case .boolean(let flag, _):
        return String(flag)
    case .name(let name, _):
        return name
    case .unary(let op, let operand, _):
        return "(\(op.rawValue) \(sExpression(operand)))"
    case .binary(let op, let left, let right, _):
        return "(\(op.rawValue) \(sExpression(left)) \(sExpression(right)))"
    case .call(let name, let arguments, _):
        return "(" + ([name] + arguments.map(sExpression)).joined(separator: " ") + ")"
    case .at(let name, _, let literal, _):
        return "\(name)[\(literal.period)]"
    }
}

/// What a statement parses to, in one line: `leads = 150`, `goal (>= revenue 50000)`, or the
/// expression's S-expression; a parse error as its full rendered diagnostic.
func parsed(_ source: String) -> String {
    switch Parser.parseStatement(source) {
    case .success(.definition(let name, _, let expression)):
        return "\(name) = \(sExpression(expression))"
    case .success(.goal(let goal)):
        return "goal " + sExpression(.binary(goal.comparison, goal.lhs, goal.rhs, goal.range))
    case .success(.expression(let expression)):
        return sExpression(expression)
    case .success(.periods(let span)):
        return "periods \(span.text)"
    case .success(.override(let name, _, let span, let expression)):
        return "\(name)[\(span.text)] = \(sExpression(expression))"
    case .success(.actual(let name, _, let period, let value, _)):
        return "actual \(name)[\(period.period)] = \(value)"
    case .failure(let diagnostic):
        return rendered(diagnostic, in: source)
    }
}

func rendered(_ diagnostic: Diagnostic, in source: String, path: String = "input") -> String {
    DiagnosticPrinter.render(diagnostic, in: SourceText(path: path, text: source))
}

/// Evaluates `source` as an expression with `cells` as the only defined names.
func evaluated(_ source: String, _ cells: [String: Value] = [:]) -> Value {
    switch Parser.parseExpression(source) {
    case .success(let expr):
        return Evaluator.evaluate(expr) { cells[$0] ?? .error(.name) }
    case .failure(let diagnostic):
        Issue.record("does not parse: \(diagnostic.message)")
        return .error(.value)
    }
}
