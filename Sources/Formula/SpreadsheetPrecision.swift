/// The precision numbers have in leadlag, as in spreadsheets: 15 significant digits, rounded
/// half away from zero on the digits the number reads as.
///
/// Kept in one place because comparisons, `round`, `floor`, `ceil`, display and JSON/CSV export
/// must agree: when `revenue == 14256` holds, the export says `14256` and `floor` of a value that
/// reads as 8 is 8. The digits beyond the 15th are the noise of binary arithmetic
/// (`0.1 + 0.2` is 0.30000000000000004).
public enum SpreadsheetPrecision {
    /// Significant digits a number is compared, shown and exported with.
    public static let significantDigits = 15

    /// `round(value, places)`: half away from zero at `places` decimals (negative places round to
    /// tens, hundreds, …), on the digits the value reads as, in one rounding, so `1.005` rounds to
    /// `1.01` and `12345678901234.45` to `12345678901234`. Only the 17th digit and beyond, which
    /// no double holds faithfully, are dropped first, so a product like `1.1 * 1.15`
    /// (1.2649999999999999) rounds to 1.27 as it does in a spreadsheet.
    public static func round(_ value: Double, places: Int) -> Double {
        guard let decimal = DecimalDigits(value) else { return value }
        return decimal.rounded(significantDigits: significantDigits + 1).rounded(fractionDigits: places).double ?? value
    }

    /// `floor` and `ceil`: the whole number below or above the value at 15 significant digits,
    /// so `(0.1 + 0.7) * 10`, which reads as 8, has 8 as its floor.
    public static func whole(_ value: Double, _ rule: FloatingPointRoundingRule) -> Double {
        value.atSpreadsheetPrecision.rounded(rule)
    }
}

extension Double {
    /// This number rounded to 15 significant digits (``SpreadsheetPrecision``): what comparisons
    /// look at, what is shown and what is exported. Non-finite numbers and zero are unchanged.
    public var atSpreadsheetPrecision: Double {
        guard isFinite, self != 0, let decimal = DecimalDigits(self),
              decimal.digits.count > SpreadsheetPrecision.significantDigits else { return self }
        return decimal.rounded(significantDigits: SpreadsheetPrecision.significantDigits).double ?? self
    }
}
