import Foundation

/// Chooses the C library's character encoding before libedit starts.
///
/// libedit decodes keystrokes with the C multibyte functions, which only know ASCII until a
/// locale is set: without this, typing `héllo` gives `hllo`.
enum CharacterLocale {
    /// Adopts the user's LC_CTYPE; when none is configured at all (plain C/POSIX), uses
    /// C.UTF-8, which is what every current terminal sends.
    static func adoptUserEncoding() {
        guard let chosen = setlocale(LC_CTYPE, "") else { return }
        let name = String(cString: chosen)
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8", name == "C" || name == "POSIX" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
