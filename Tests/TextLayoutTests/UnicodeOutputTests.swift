import Testing
import TextLayout

@Suite struct UnicodeOutputTests {
    static let locales: [([String: String], Bool)] = [
        (["LANG": "en_US.UTF-8"], true),
        (["LANG": "C.utf8"], true),
        ([:], true),
        (["LANG": ""], true),
        (["LANG": "C"], false),
        (["LANG": "POSIX"], false),
        (["LANG": "de_DE.ISO-8859-1"], false),
        // LC_ALL wins over LC_CTYPE, which wins over LANG; an empty one does not count.
        (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
        (["LC_CTYPE": "C.UTF-8", "LANG": "C"], true),
        (["LC_ALL": "", "LC_CTYPE": "C", "LANG": "en_US.UTF-8"], false),
    ]

    @Test(arguments: locales)
    func theLocaleDecides(_ environment: [String: String], _ expected: Bool) {
        #expect(UnicodeOutput.isSupported(environment: environment) == expected)
    }
}
