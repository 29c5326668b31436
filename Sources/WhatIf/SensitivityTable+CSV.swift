import Formula

extension SensitivityTable {
    /// The table as CSV with values at 15 significant digits, as spreadsheets store them, for `:table … > file` and spreadsheets.
    ///
    /// One-way: a header `leads,revenue`, then one `input,target` line per value.
    /// Two-way: the header's first field names both inputs (`leads\win_rate`), the rest
    /// are the column values; each line starts with its row value.
    public var csv: String {
        let rowValues = rows.axis.values.map(Self.field)
        let header: [String]
        if let columns {
            header = [rows.axis.name + "\\" + columns.axis.name] + columns.axis.values.map(Self.field)
        } else {
            header = [rows.axis.name, target]
        }
        var lines = [header.joined(separator: ",")]
        for (rowValue, line) in zip(rowValues, values) {
            lines.append(([rowValue] + line.map(ValueFormatter.machine)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func field(_ number: Double) -> String { ValueFormatter.machine(.number(number)) }
}
