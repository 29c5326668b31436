import Formula

/// The lines of a model file exactly as written, each kept with its own text
/// so that saving re-renders only what was edited.
///
/// Following toml_edit's idea of "decor": a definition line is split into the
/// text before the name, the name, the text up to the formula, the formula,
/// and everything after it (spaces and a trailing comment). Joining the parts
/// gives back the original line byte for byte.
struct ModelDocument: Sendable, Equatable {
    enum Line: Sendable, Equatable {
        /// A blank line, a comment, or anything else kept as written.
        case verbatim(String)
        /// A whole-line comment typed in the REPL: written as is, and placed in the order typed
        /// among the new cells (a comment of the file stays with what follows it instead).
        case typedComment(String)
        case definition(DefinitionLine)
        /// `goal …`: the comparison and the text around it, kept as written.
        /// (Out of line, as a section header: a model has few, and a line of the document is as
        /// large as its largest kind.)
        indirect case goal(GoalLine)
        /// `[scenario NAME]`, kept as written. `ownsBlankAbove`: whether the blank line above goes
        /// with the section when it is removed. It does when the file had one there, or when the
        /// section was appended with one; a blank line that ended the document before the section
        /// was appended stays, so undoing the append gives back the text as it was.
        indirect case section(name: String, text: String, ownsBlankAbove: Bool)
    }

    struct Entry: Sendable, Equatable {
        var line: Line
        private var lineBreak: LineBreak

        init(line: Line, terminator: String) {
            self.line = line
            lineBreak = LineBreak(terminator)
        }

        /// "\n", "\r\n" or "\r" (old Mac files); "" only while a file is read, for a last line
        /// without a line break (see `endsWithoutLineBreak`).
        var terminator: String {
            get { lineBreak.text }
            set { lineBreak = LineBreak(newValue) }
        }
    }

    /// A line's break, kept in a byte rather than a text of its own on every line.
    private enum LineBreak: UInt8, Sendable {
        case none, newline, carriageReturnNewline, carriageReturn

        init(_ text: String) {
            switch text {
            case "": self = .none
            case "\r\n": self = .carriageReturnNewline
            case "\r": self = .carriageReturn
            default:
                precondition(text == "\n", "a line break is \\n, \\r\\n or \\r")
                self = .newline
            }
        }

        var text: String {
            switch self {
            case .none: ""
            case .newline: "\n"
            case .carriageReturnNewline: "\r\n"
            case .carriageReturn: "\r"
            }
        }
    }

    var entries: [Entry] = []
    /// Whether the file began with a UTF-8 byte order mark, which saving keeps.
    var byteOrderMark = false
    /// Whether the file's last line had no line break. Kept apart from the lines, each of which
    /// has its break, so that lines added after it, and taking them back, leave that last byte
    /// as the file had it.
    var endsWithoutLineBreak = false

    /// The line break new lines get: the file's own.
    var newline: String { entries.first(where: { !$0.terminator.isEmpty })?.terminator ?? "\n" }

    func render() -> String {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for (index, entry) in entries.enumerated() {
            text += entry.line.text
            if !(endsWithoutLineBreak && index == entries.count - 1) { text += entry.terminator }
        }
        return text
    }

    /// Read from a file whose last line has no break (`terminator` ""): that line gets the
    /// file's break, and the document remembers to leave it out.
    mutating func setAsideMissingFinalBreak() {
        guard let last = entries.indices.last, entries[last].terminator.isEmpty else { return }
        entries[last].terminator = newline
        endsWithoutLineBreak = true
    }

    // MARK: Definitions

    /// The line defining `name` in `section` (nil = the base model), or overriding it in exactly `periods`.
    func indexOfDefinition(_ name: String, section: String?, periods: ClosedRange<Period>? = nil) -> Int? {
        var current: String?
        for (index, entry) in entries.enumerated() {
            switch entry.line {
            case .section(let sectionName, _, _): current = sectionName
            case .definition(let line) where line.name == name && line.periods == periods && current == section
                && !line.isActual: return index
            default: break
            }
        }
        return nil
    }

    /// Gives `name` (or, with `periods`, its override there) a new formula in place, or adds a
    /// new line: a cell at the end of its section, an override right after the last line of its
    /// cell in the section (the end of the section when there is none). `trailing` (spaces and a
    /// `# comment`), when given, replaces what follows the formula.
    mutating func setDefinition(
        _ name: String, formula: String, section: String? = nil, trailing: String? = nil, periods: PeriodSpan? = nil
    ) {
        if let index = indexOfDefinition(name, section: section, periods: periods?.periods),
           case .definition(var line) = entries[index].line {
            line.formula = formula
            if let trailing { line.trailing = trailing }
            entries[index].line = .definition(line)
            return
        }
        var line = DefinitionLine(name: name, formula: formula, trailing: trailing ?? "")
        if let periods {
            line.periods = periods.periods
            line.bracket = "[\(periods.text)]"
            if let last = lastLine(of: name, section: section) {
                if entries[last].terminator.isEmpty { entries[last].terminator = newline }
                entries.insert(Entry(line: .definition(line), terminator: newline), at: last + 1)
                return
            }
        }
        insert(.definition(line), endOfSection: section)
    }

    /// The last line defining or overriding `name` in `section`.
    private func lastLine(of name: String, section: String?) -> Int? {
        var current: String?
        var found: Int?
        for (index, entry) in entries.enumerated() {
            switch entry.line {
            case .section(let sectionName, _, _): current = sectionName
            case .definition(let line) where line.name == name && current == section: found = index
            default: break
            }
        }
        return found
    }

    /// What follows the formula on the base model's line of `name`: spaces and a comment, or "".
    func trailingText(of name: String) -> String {
        guard let index = indexOfDefinition(name, section: nil), case .definition(let line) = entries[index].line else {
            return ""
        }
        return line.trailing
    }

    /// Adds the line of a cell the document does not have yet at the end of the base model.
    mutating func appendDefinition(_ name: String, formula: String, trailing: String = "") {
        insert(.definition(DefinitionLine(name: name, formula: formula, trailing: trailing)), endOfSection: nil)
    }

    /// Puts a new definition line just above the line of `next` (undoing a delete puts it back in its place).
    mutating func insertDefinition(_ name: String, formula: String, trailing: String = "", before next: String) {
        guard let index = indexOfDefinition(next, section: nil) else {
            setDefinition(name, formula: formula, trailing: trailing)
            return
        }
        let line = DefinitionLine(name: name, formula: formula, trailing: trailing)
        entries.insert(Entry(line: .definition(line), terminator: newline), at: index)
    }

    /// The lines defining `name` in every section, with where they stand.
    func definitionLines(of name: String) -> [(index: Int, entry: Entry)] {
        entries.indices.compactMap { index in
            if case .definition(let line) = entries[index].line, line.name == name { return (index, entries[index]) }
            return nil
        }
    }

    /// Puts back lines taken out earlier, at the places they had (given in ascending order).
    mutating func reinsert(_ lines: [(index: Int, entry: Entry)]) {
        for (index, entry) in lines.sorted(by: { $0.index < $1.index }) {
            entries.insert(entry, at: min(index, entries.count))
        }
    }

    mutating func removeDefinition(_ name: String, section: String? = nil, periods: ClosedRange<Period>? = nil) {
        guard let index = indexOfDefinition(name, section: section, periods: periods) else { return }
        entries.remove(at: index)
    }

    /// Removes the lines of `name` in `section`: its definition and its overrides.
    mutating func removeAllLines(of name: String, section: String? = nil) {
        while let index = lastLine(of: name, section: section) { entries.remove(at: index) }
    }

    /// Renames the definition line of `old` in every section it appears in.
    mutating func renameDefinition(_ old: String, to new: String) {
        for index in entries.indices {
            if case .definition(var line) = entries[index].line, line.name == old {
                line.name = new
                entries[index].line = .definition(line)
            }
        }
    }

    // MARK: Actuals

    /// The `actual name[period]` line.
    func indexOfActual(_ name: String, period: Period) -> Int? {
        entries.indices.first { index in
            if case .definition(let line) = entries[index].line, line.isActual, line.name == name,
               line.periods?.lowerBound == period { return true }
            return false
        }
    }

    /// Records the actual of `name` in `period` as `value` (a literal): in place when the file has
    /// its line, else as a new line in the cell's block of actuals, which sits right after the
    /// cell's own lines in the base model and keeps its periods in order.
    mutating func setActual(_ name: String, period: Period, value: String) {
        if let index = indexOfActual(name, period: period), case .definition(var line) = entries[index].line {
            line.formula = value
            entries[index].line = .definition(line)
            return
        }
        var line = DefinitionLine(leading: "actual ", name: name, bracket: "[\(period)]", formula: value)
        line.periods = period...period
        line.isActual = true
        let baseEnd = entries.firstIndex { $0.line.sectionName != nil } ?? entries.count
        let ofCell = entries[..<baseEnd].indices.filter { index in
            if case .definition(let other) = entries[index].line, other.name == name { return true }
            return false
        }
        let earlier = ofCell.last { index in
            guard case .definition(let other) = entries[index].line else { return false }
            return !other.isActual || (other.periods?.lowerBound ?? period) < period
        }
        guard let after = earlier ?? ofCell.last else {
            insert(.definition(line), endOfSection: nil)
            return
        }
        if entries[after].terminator.isEmpty { entries[after].terminator = newline }
        entries.insert(Entry(line: .definition(line), terminator: newline), at: after + 1)
    }

    mutating func removeActual(_ name: String, period: Period) {
        guard let index = indexOfActual(name, period: period) else { return }
        entries.remove(at: index)
    }

    // MARK: Goals

    mutating func appendGoal(_ text: String) {
        insert(.goal(GoalLine(comparison: text)), endOfSection: nil)
    }

    /// Rewrites the comparison of the `goalIndex`-th goal line, keeping its comment.
    mutating func setGoal(at goalIndex: Int, text: String) {
        guard let index = goalLineIndices.dropFirst(goalIndex).first,
              case .goal(var line) = entries[index].line else { return }
        line.comparison = text
        entries[index].line = .goal(line)
    }

    private var goalLineIndices: [Int] {
        entries.indices.filter { if case .goal = entries[$0].line { true } else { false } }
    }

    /// The `goalIndex`-th goal line and where it stands, for putting it back after a removal.
    func goalLine(at goalIndex: Int) -> (index: Int, entry: Entry)? {
        goalLineIndices.dropFirst(goalIndex).first.map { ($0, entries[$0]) }
    }

    // MARK: Comments

    /// A whole-line comment typed in the REPL, placed where a new cell would go.
    mutating func appendComment(_ text: String) {
        insert(.typedComment(text), endOfSection: nil)
    }

    /// Takes out the last line of the base model that reads `text`: the comment `appendComment` added.
    mutating func removeComment(_ text: String) {
        let baseEnd = entries.firstIndex { $0.line.sectionName != nil } ?? entries.count
        guard let index = entries[..<baseEnd].lastIndex(where: { $0.line == .typedComment(text) }) else { return }
        entries.remove(at: index)
    }

    mutating func removeGoal(at goalIndex: Int) {
        let goalEntries = goalLineIndices
        guard goalEntries.indices.contains(goalIndex) else { return }
        entries.remove(at: goalEntries[goalIndex])
    }

    // MARK: Sections

    func hasSection(_ name: String) -> Bool {
        entries.contains { $0.line.sectionName == name }
    }

    mutating func appendSection(_ name: String) {
        let endsBlank = entries.last?.line == .verbatim("")
        if let last = entries.last, last.line != .verbatim("") {
            entries.append(Entry(line: .verbatim(""), terminator: newline))
        }
        entries.append(Entry(line: .section(name: name, text: "[scenario \(name)]", ownsBlankAbove: !endsBlank), terminator: newline))
    }

    /// Removes a section's header and every line up to the next section.
    mutating func removeSection(_ name: String) {
        guard let range = sectionRange(name) else { return }
        entries.removeSubrange(range)
    }

    /// The lines `removeSection(name)` takes out, for `reinsert` to put back.
    func sectionLines(_ name: String) -> [(index: Int, entry: Entry)] {
        guard let range = sectionRange(name) else { return [] }
        return range.map { ($0, entries[$0]) }
    }

    /// A section's header and every line up to the next section, with the blank line that separated
    /// it when the section owns it.
    private func sectionRange(_ name: String) -> Range<Int>? {
        guard let start = entries.firstIndex(where: { $0.line.sectionName == name }) else { return nil }
        var end = start + 1
        while end < entries.count, entries[end].line.sectionName == nil { end += 1 }
        var removeFrom = start
        if case .section(_, _, ownsBlankAbove: true) = entries[start].line, removeFrom > 0,
           entries[removeFrom - 1].line == .verbatim("") {
            removeFrom -= 1
        }
        return removeFrom..<end
    }

    // MARK: Insertion

    /// New lines go right after the last definition or goal of their section (the base
    /// model is everything before the first section), so a comment that introduces the
    /// next section stays with it; a section without any goes after its last non-blank line.
    private mutating func insert(_ line: Line, endOfSection section: String?) {
        var sectionStart = 0
        if let section {
            if !hasSection(section) { appendSection(section) }
            sectionStart = (entries.firstIndex { $0.line.sectionName == section } ?? 0) + 1
        }
        var sectionEnd = sectionStart
        while sectionEnd < entries.count, entries[sectionEnd].line.sectionName == nil { sectionEnd += 1 }
        var position = sectionEnd
        while position > sectionStart, !entries[position - 1].line.isItem { position -= 1 }
        if position == sectionStart {
            position = sectionEnd
            while position > sectionStart, entries[position - 1].line.isBlank { position -= 1 }
        }
        entries.insert(Entry(line: line, terminator: newline), at: position)
    }
}

/// One `goal comparison  # comment` line, split like a definition line.
struct GoalLine: Sendable, Equatable {
    var leading = "goal "
    var comparison: String
    var trailing = ""

    var text: String { leading + comparison + trailing }
}

/// One `name = formula  # comment` line, split into parts that join back to the original text;
/// an override `name[2027-03] = formula` keeps its bracket as written.
///
/// A document keeps one per cell, so only the name and the formula are kept inline: what else the
/// line has (indentation, a bracket and its periods, other spacing around `=`, a trailing comment)
/// sits behind one pointer, and a plain `name = formula` line has none of it. Those parts read and
/// set as the line's own (`line.leading`, `line.trailing`).
@dynamicMemberLookup
struct DefinitionLine: Sendable, Equatable {
    var name: String
    var formula: String
    /// An `actual name[period] = value` line (`leading` holds the `actual `, `formula` the value as
    /// written): it sets no formula, so the lookups of definitions and overrides pass it by.
    var isActual = false
    /// nil when every part is as in ``Decor``'s defaults.
    private var decor: OutOfLine<Decor>?

    /// The parts of a line besides its name and formula, at what a plain `name = formula` line has.
    struct Decor: Hashable, Sendable {
        var leading = ""
        /// `[2027-07 .. 2027-12]` as written, for an override; empty for a cell's own line.
        var bracket = ""
        var periods: ClosedRange<Period>?
        var separator = " = "
        var trailing = ""
    }

    init(leading: String = "", name: String, bracket: String = "", periods: ClosedRange<Period>? = nil,
         separator: String = " = ", formula: String, trailing: String = "") {
        self.name = name
        self.formula = formula
        decorated = Decor(leading: leading, bracket: bracket, periods: periods, separator: separator, trailing: trailing)
    }

    private var decorated: Decor {
        get { decor?.unboxed ?? Decor() }
        set { decor = newValue == Decor() ? nil : .boxed(newValue) }
    }

    subscript<Part>(dynamicMember part: WritableKeyPath<Decor, Part>) -> Part {
        get { decorated[keyPath: part] }
        set { decorated[keyPath: part] = newValue }
    }

    /// The periods an override covers; nil for a cell's own line. (Read without a key path: every
    /// lookup of a definition asks it of every line.)
    var periods: ClosedRange<Period>? {
        get { decor?.unboxed.periods }
        set { decorated.periods = newValue }
    }

    var text: String {
        guard let decor = decor?.unboxed else { return name + " = " + formula }
        return decor.leading + name + decor.bracket + decor.separator + formula + decor.trailing
    }
}

extension ModelDocument.Line {
    var text: String {
        switch self {
        case .verbatim(let text), .typedComment(let text), .section(_, let text, _): text
        case .definition(let line): line.text
        case .goal(let line): line.text
        }
    }

    var sectionName: String? {
        if case .section(let name, _, _) = self { return name }
        return nil
    }

    /// A definition, a goal or a comment typed with them, as opposed to the file's blank lines,
    /// comments and headers: what new lines go after.
    var isItem: Bool {
        switch self {
        case .definition, .goal, .typedComment: true
        case .verbatim, .section: false
        }
    }

    var isBlank: Bool {
        if case .verbatim(let text) = self { return text.allSatisfy { $0 == " " || $0 == "\t" } }
        return false
    }
}
