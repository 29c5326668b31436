/// Whether output may draw Unicode (sparkline bars, braille chart lines, box rules) or must keep
/// to ASCII stand-ins, decided once from the locale, so the code that builds charts never asks.
///
///     UnicodeOutput.isSupported(environment: ["LANG": "en_US.UTF-8"])   // true
///     UnicodeOutput.isSupported(environment: ["LC_ALL": "C"])           // false
///     UnicodeOutput.isSupported(environment: [:])                       // true
public enum UnicodeOutput {
    /// The locale that decides is the first of `LC_ALL`, `LC_CTYPE` and `LANG` that is set and
    /// not empty, as the C library picks it. A locale that names UTF-8 (`en_US.UTF-8`,
    /// `C.utf8`) gets Unicode; any other one (`C`, `POSIX`, `en_US.ISO-8859-1`) is somebody
    /// choosing a narrower character set, and gets ASCII. With none set at all, as in many
    /// containers, Unicode: it is what every current terminal shows (and what the line editor
    /// assumes, see `CharacterLocale`).
    public static func isSupported(environment: [String: String]) -> Bool {
        let chosen = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let locale = chosen?.lowercased() else { return true }
        return locale.contains("utf-8") || locale.contains("utf8")
    }
}
