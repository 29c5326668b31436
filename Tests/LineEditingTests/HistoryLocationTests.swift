import Testing
import LineEditing

struct HistoryLocationTests {
    @Test(arguments: [
        (["HOME": "/home/ana"], "/home/ana/.leadlag_history"),
        (["HOME": "/home/ana/"], "/home/ana/.leadlag_history"),
        (["HOME": "/home/ana", "LEADLAG_HISTORY": "/tmp/h"], "/tmp/h"),
        (["LEADLAG_HISTORY": "relative/h"], "relative/h"),
        // An empty override switches history off.
        (["HOME": "/home/ana", "LEADLAG_HISTORY": ""], nil),
        ([:], nil),
        (["HOME": ""], nil),
    ] as [([String: String], String?)])
    func path(environment: [String: String], expected: String?) {
        #expect(HistoryLocation.path(environment: environment) == expected)
    }
}
