import Formula

/// The variance as machine text for `eval --variance`: a `"variance"` member of the JSON object
/// (one object per cell and period, the year to date with `"period": "YTD total"` and the like),
/// and for CSV a section after the values: a blank line, then rows under their own header.
public enum VarianceExport {
    /// `"variance": [{"name": "leads", "period": "2027-01", "plan": 120, …}, …]`, indented as a member.
    public static func jsonMember(_ variances: [Variance]) -> String {
        let objects = rows(variances).map { row in
            "    {\"name\": \"\(row.name)\", \"period\": \"\(row.entry.label)\", \"plan\": \(number(row.entry.plan)), "
                + "\"actual\": \(number(row.entry.actual)), \"difference\": \(number(row.entry.difference)), "
                + "\"percent\": \(row.entry.percent.map(number) ?? "null")}"
        }
        return "  \"variance\": [" + (objects.isEmpty ? "]" : "\n" + objects.joined(separator: ",\n") + "\n  ]")
    }

    /// `variance,period,plan,actual,difference,percent` and one row per cell and period.
    public static func csv(_ variances: [Variance]) -> String {
        let lines = rows(variances).map { row in
            [row.name, row.entry.label, number(row.entry.plan), number(row.entry.actual), number(row.entry.difference),
             row.entry.percent.map(number) ?? ""].joined(separator: ",")
        }
        return (["variance,period,plan,actual,difference,percent"] + lines).joined(separator: "\n")
    }

    private static func rows(_ variances: [Variance]) -> [(name: String, entry: Variance.Entry)] {
        variances.flatMap { variance in (variance.periods + [variance.yearToDate]).map { (variance.name, $0) } }
    }

    private static func number(_ value: Double) -> String { ValueFormatter.machine(.number(value)) }
}
