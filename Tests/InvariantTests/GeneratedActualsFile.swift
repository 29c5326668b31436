import PropertyBased

/// CSV files of actual results as spreadsheets and CRMs export them for the plan of
/// `ActualsImportInvariants`: a header or none, quoted or bare fields, `$`, `%` and thousands
/// separators, LF or CRLF; one file in four has a bad row (an unknown cell, a period outside the
/// plan, a value that is not a number, a missing field).
enum GeneratedActualsFile {
    static let names = ["leads", "conversion", "win_rate", "deal_value", "opportunities", "wins", "new_mrr", "mrr"]

    static let generator = Generator<String, Shrink.None<String>> { random in
        var pick = Picker(random: random)
        let end = pick.chance(1, in: 2) ? "\r\n" : "\n"
        var rows: [String] = pick.chance(1, in: 2) ? ["name,period,value"] : []
        var used: Set<String> = []
        for _ in 0..<pick.int(1...12) {
            let name = pick.element(names)
            let period = "2027-" + String(format: "%02d", pick.int(1...12))
            // A period given twice is a bad row; keep the good files free of them.
            guard used.insert(name + period).inserted else { continue }
            rows.append([quoted(name, &pick), quoted(period, &pick), quoted(value(&pick), &pick)].joined(separator: ","))
        }
        if pick.chance(1, in: 4) {
            rows.insert(pick.element(["nobody,2027-01,5", "leads,2029-01,5", "leads,2027-02,lots", "leads,2027-03"]),
                        at: pick.int(0...rows.count))
        }
        random = pick.random
        return rows.joined(separator: end) + (pick.chance(3, in: 4) ? end : "")
    }

    private static func value(_ pick: inout Picker) -> String {
        switch pick.int(0...3) {
        case 0: String(pick.int(0...400))
        case 1: "$" + thousands(pick.int(0...99_999)) + "." + String(format: "%02d", pick.int(0...99))
        case 2: String(pick.int(0...100)) + "." + String(pick.int(0...9)) + "%"
        default: thousands(pick.int(1_000...2_000_000))
        }
    }

    /// `12,345`: as a spreadsheet writes a number with separators (quoted, since it holds commas).
    private static func thousands(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    private static func quoted(_ field: String, _ pick: inout Picker) -> String {
        field.contains(",") || pick.chance(1, in: 3) ? "\"" + field + "\"" : field
    }
}
