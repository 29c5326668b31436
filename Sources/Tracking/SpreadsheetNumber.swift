import Formula

/// Reads a number as spreadsheets and CRMs export it: `2400`, `"$2,400"`, `12.5%`, `-€5`,
/// `(1,200)` (accounting negative), `1.2e3`. Thousands separators must group three digits
/// (`1,2` is refused rather than read as 12); a percent is the fraction (`12.5%` is 0.125).
public enum SpreadsheetNumber {
    /// The value of `text`, or nil when it is not one number.
    public static func parse(_ text: String) -> Double? {
        var body = Substring(text.filter { $0 != " " && $0 != "\t" && $0 != "\u{00A0}" })
        var negative = false
        if body.first == "(", body.last == ")" {
            negative = true
            body = body.dropFirst().dropLast()
        }
        if body.first == "-" || body.first == "+" {
            negative = negative != (body.first == "-")
            body = body.dropFirst()
        }
        if let first = body.first, CurrencySymbol(rawValue: String(first)) != nil { body = body.dropFirst() }
        if !negative, body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        var scale = 1.0
        if body.last == "%" {
            scale = 0.01
            body = body.dropLast()
        }
        guard let digits = plainDigits(body), let magnitude = Double(digits) else { return nil }
        let value = (negative ? -magnitude : magnitude) * scale
        return value.isFinite ? value : nil
    }

    /// `1,234.5` as `1234.5`: digits with at most one point, commas only between groups of three
    /// digits before it, and an optional exponent; nil for anything else (Swift's own reading
    /// would take `inf`, `nan` and hexadecimal).
    private static func plainDigits(_ text: Substring) -> String? {
        var mantissa = text
        var exponent = ""
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            var rest = text[text.index(after: e)...]
            if rest.first == "-" || rest.first == "+" {
                exponent = String(rest.first!)
                rest = rest.dropFirst()
            }
            guard !rest.isEmpty, rest.allSatisfy(\.isASCIIDigit) else { return nil }
            exponent = "e" + exponent + rest
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !(integer.isEmpty && fraction.isEmpty), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return groups.joined() + (fraction.isEmpty ? "" : "." + fraction) + exponent
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
