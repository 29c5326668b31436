import Foundation

/// Chooses the C library's character encoding before libedit starts.
///
/// libedit decodes keystrokes with the C multibyte functions, which only know ASCII until a
/// locale is set: without this, typing `héllo` gives `hllo`.
enum CharacterLocale {
    /// Adopts the user's LC_CTYPE. When none is configured (plain C/POSIX), or the configured
    /// one is not installed (common in containers), uses C.UTF-8, which is what every current
    /// terminal sends.
    static func adoptUserEncoding() {
        let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) }
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        let isUnconfigured = chosen == nil || chosen == "C" || chosen == "POSIX"
        if isUnconfigured, codeset != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
