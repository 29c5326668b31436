/// The longest string every word starts with, compared by characters so that a prefix never
/// ends inside a character.
func longestCommonPrefix(_ words: [String]) -> String {
    guard let first = words.first else { return "" }
    var prefix = Substring(first)
    for word in words.dropFirst() {
        let shared = zip(prefix, word).prefix { $0 == $1 }.count
        prefix = prefix.prefix(shared)
    }
    return String(prefix)
}
