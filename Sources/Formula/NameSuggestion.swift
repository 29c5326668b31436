/// "Did you mean": the known names closest to one that was not found, so every lookup that
/// fails (a cell, a command, a function, a scenario) can offer the name the person meant.
///
/// Closeness is the edit distance (insertions, deletions, substitutions and swaps of two
/// neighbours) between the names compared without regard to case, so `Leads`, `lead` and
/// `laeds` all find `leads`. How far a suggestion may be grows with the length of the name:
/// none but case for names of one or two letters (so `x` never suggests `y`), one edit up to
/// four letters, up to three for long names.
public enum NameSuggestion {
    /// The closest of `candidates` to `name`, nearest first (ties in the candidates' order),
    /// at most `limit`; empty when none is close. `name` itself is never suggested.
    public static func closest(to name: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let typed = Array(name.lowercased().utf8)
        let allowed = allowedDistance(forLength: typed.count)
        var scored: [(name: String, distance: Int, order: Int)] = []
        for (order, candidate) in candidates.enumerated() where candidate != name {
            let known = Array(candidate.lowercased().utf8)
            guard abs(known.count - typed.count) <= allowed,
                  let distance = editDistance(typed, known, atMost: allowed) else { continue }
            scored.append((candidate, distance, order))
        }
        let sorted = scored.sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }
        var seen: Set<String> = []
        return sorted.map(\.name).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// `did you mean leads?`, `did you mean leads or lead_count?`, or nil when no candidate is
    /// close; `prefix` goes before each name (`:` for commands).
    public static func question(for name: String, among candidates: some Sequence<String>, prefix: String = "") -> String? {
        let names = closest(to: name, among: candidates)
        guard !names.isEmpty else { return nil }
        return "did you mean \(alternatives(names.map { prefix + $0 }))?"
    }

    /// The ``question(for:among:prefix:)`` in parentheses after a space, or empty: what goes
    /// at the end of a message such as `no cell named 'lead'`.
    public static func hint(for name: String, among candidates: some Sequence<String>, prefix: String = "") -> String {
        question(for: name, among: candidates, prefix: prefix).map { " (\($0))" } ?? ""
    }

    /// The known name one edit away from `name` (or differing only in case), for a new name that
    /// may be a slip of the keyboard; nil when there is none.
    public static func oneEditAway(from name: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(name.lowercased().utf8)
        return candidates.first { candidate in
            guard candidate != name else { return false }
            let known = Array(candidate.lowercased().utf8)
            let allowed = min(allowedDistance(forLength: typed.count), 1)
            return abs(known.count - typed.count) <= allowed && editDistance(typed, known, atMost: allowed) != nil
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        let others = names.dropLast()
        return others.isEmpty ? last : others.joined(separator: ", ") + " or " + last
    }

    static func allowedDistance(forLength length: Int) -> Int {
        switch length {
        case ...2: 0
        case ...4: 1
        case ...8: 2
        default: 3
        }
    }

    /// The optimal-string-alignment distance between `a` and `b`, or nil when it exceeds `limit`.
    /// Two rows of the table at a time, and it stops as soon as a whole row is over the limit.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], atMost limit: Int) -> Int? {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                var best = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, beforePrevious[j - 2] + 1)
                }
                current[j] = best
                rowMinimum = min(rowMinimum, best)
            }
            if rowMinimum > limit { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
