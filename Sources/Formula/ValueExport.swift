/// Named values as machine text: one JSON object or `name,value` CSV rows,
/// both with values rounded to 15 significant digits
/// (``ValueFormatter/machine(_:)``). `leadlag eval` and the REPL's `:export` share it.
public enum ValueExport {
    /// `{"leads": 120, "ok": true, "ratio": "#DIV/0!"}` — keys in the order given.
    public static func json(_ values: [(name: String, value: Value)]) -> String {
        let members = values.map { "  \(jsonString($0.name)): \(jsonValue($0.value))" }
        return members.isEmpty ? "{}" : "{\n" + members.joined(separator: ",\n") + "\n}"
    }

    /// A `name,value` header and one row per cell.
    public static func csv(_ values: [(name: String, value: Value)]) -> String {
        (["name,value"] + values.map { "\($0.name),\(ValueFormatter.machine($0.value))" }).joined(separator: "\n")
    }

    /// The values of a plan over `periods`: without periods exactly ``json(_:)``; with them a
    /// `"periods": ["2027-01", …]` member first (a reserved word, so never a cell), then each cell as
    /// one value (single-valued) or an array of one value per period.
    public static func json(_ cells: [(name: String, values: [Value])], periods: [String]) -> String {
        guard !periods.isEmpty else { return json(cells.map { ($0.name, $0.values[0]) }) }
        let header = "  \"periods\": [" + periods.map(jsonString).joined(separator: ", ") + "]"
        let members = cells.map { cell in
            let value = cell.values.count == 1 ? jsonValue(cell.values[0])
                : "[" + cell.values.map(jsonValue).joined(separator: ", ") + "]"
            return "  \(jsonString(cell.name)): \(value)"
        }
        return "{\n" + ([header] + members).joined(separator: ",\n") + "\n}"
    }

    /// The values of a plan over `periods`: without periods exactly ``csv(_:)``; with them a
    /// `name,2027-01,…` header and one row per cell, one column per period (a single value repeats).
    public static func csv(_ cells: [(name: String, values: [Value])], periods: [String]) -> String {
        guard !periods.isEmpty else { return csv(cells.map { ($0.name, $0.values[0]) }) }
        let rows = cells.map { cell in
            ([cell.name] + periods.indices.map { ValueFormatter.machine(cell.values[cell.values.count == 1 ? 0 : $0]) })
                .joined(separator: ",")
        }
        return ([(["name"] + periods).joined(separator: ",")] + rows).joined(separator: "\n")
    }

    private static func jsonValue(_ value: Value) -> String {
        switch value {
        case .number, .boolean: ValueFormatter.machine(value)
        case .error(let code): jsonString(code.rawValue)
        }
    }

    /// Cell names and error codes need no escapes beyond these, but keep JSON valid whatever comes.
    private static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case _ where scalar.value < 0x20: escaped += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
