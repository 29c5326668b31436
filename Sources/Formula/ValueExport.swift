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
