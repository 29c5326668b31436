import Formula
import PlanEngine

/// Everything one model file holds — the base model, goals and scenarios —
/// kept in step with the text it came from, so saving keeps the user's text.
///
/// Each edit goes to the engine first; only when the engine accepts it is the
/// document updated, so a rejected edit changes nothing anywhere.
public struct Workbook: Sendable {
    public var path: String?
    public internal(set) var model = Model()
    public private(set) var goals: [GoalEntry] = []
    public private(set) var scenarios: [Scenario] = []
    /// Undefined names, as printed warnings (`PATH:LINE:COL: warning: …`).
    public private(set) var warnings: [String] = []
    var document = ModelDocument()
    /// The hash of the text last loaded or saved (an empty text for a new model).
    private var savedContentHash = FileStamp.contentHash(of: [])
    /// The model's file as last read or written, to notice changes made to it meanwhile.
    private var diskStamp: FileStamp?

    public init() {}

    /// The file text: byte-identical to what was loaded when nothing changed.
    public func render() -> String { document.render() }

    /// Whether saving would write anything other than what was last loaded or saved: an
    /// edit taken back with `:undo` leaves nothing unsaved.
    public var hasUnsavedChanges: Bool {
        FileStamp.contentHash(of: Array(render().utf8)) != savedContentHash
    }

    // MARK: Loading

    public static func load(path: String) -> Result<Workbook, LoadFailure> {
        do throws(WorkbookError) {
            let file = try RegularFile.read(path)
            return parse(bytes: file.bytes, path: path, contentHash: file.stamp.contentHash).map { loaded in
                var workbook = loaded
                workbook.diskStamp = file.stamp
                return workbook
            }
        } catch {
            return .failure(LoadFailure(messages: ["\(path): error: \(error.reason)"]))
        }
    }

    public static func parse(_ text: String, path: String) -> Result<Workbook, LoadFailure> {
        parse(bytes: Array(text.utf8), path: path)
    }

    /// The definitions from which a reading is let go of on another core.
    private static let largeReading = 10_000

    public static func parse(bytes: [UInt8], path: String) -> Result<Workbook, LoadFailure> {
        parse(bytes: bytes, path: path, contentHash: FileStamp.contentHash(of: bytes))
    }

    /// The same, reading the file in blocks of about `blockBytes` bytes: a file of more than two is
    /// read on two threads, each block's lines parsed ahead on the second. The workbook is the same
    /// for any size, which the fuzz targets check with blocks of a few bytes.
    public static func parse(bytes: [UInt8], path: String, blockBytes: Int) -> Result<Workbook, LoadFailure> {
        parse(bytes: bytes, path: path, contentHash: FileStamp.contentHash(of: bytes), blockBytes: blockBytes)
    }

    /// The same, for bytes whose ``FileStamp/contentHash(of:)`` is known (a file's stamp has it):
    /// a large file's bytes are hashed once, not twice.
    static func parse(
        bytes: [UInt8], path: String, contentHash: Int, blockBytes: Int = ModelReader.blockBytes
    ) -> Result<Workbook, LoadFailure> {
        // The reader's own tables (where each name was defined, what is left to check) are freed
        // here, before the model is built from what it read.
        var (contents, diagnostics) = { () -> (ModelReader.Contents, [Diagnostic]) in
            var reader = ModelReader(bytes: bytes, blockBytes: blockBytes)
            reader.read()
            return (reader.contents, reader.diagnostics)
        }()
        // Where each line starts is worked out only to print a diagnostic or a warning.
        let source = { SourceText(path: path, bytes: bytes) }
        // Cycles and scenarios are checked on whatever parsed, so one pass reports every problem.
        var model = Model()
        var built = false
        do throws(LoadError) {
            // Moved to the model, not shared: the model interns more names into it.
            var cellNames = NameTable()
            swap(&cellNames, &contents.cellNames)
            model = try Model(
                timeline: contents.timeline, definitions: contents.definitions, definedNames: consume cellNames,
                actuals: contents.actuals)
            built = true
        } catch {
            for cycle in error.cycles {
                // The cell's own line (each name has one in the base model), looked up only for an error.
                let line = contents.definitions.indices.first {
                    contents.definitions[$0].name == cycle[0] && contents.definitions[$0].periods == nil
                }
                let range = line.map { contents.definitionNameRanges[$0] } ?? SourceRange(start: 0, end: 0)
                diagnostics.append(Diagnostic(ModelError.cycle(cycle).description, at: range))
            }
        }
        diagnostics += ScenarioValidator.problems(
            in: contents.scenarios, definitions: contents.definitions, base: built ? model : nil)
        diagnostics += currencyProblems(in: contents, bytes: bytes)
        guard diagnostics.isEmpty else { return .failure(LoadFailure(rendering: diagnostics, in: source())) }
        var workbook = Workbook()
        workbook.path = path
        workbook.model = model
        workbook.goals = contents.goals
        workbook.scenarios = contents.scenarios
        workbook.document = contents.document
        workbook.savedContentHash = contentHash
        workbook.warnings = MissingNames.warnings(
            in: model, formulas: contents.formulasBeyondArithmetic, goals: contents.goals, path: path, source: source)
        // What the reading kept that the workbook does not (its list of definitions, each holding
        // parts the model holds too) is let go of on another core when it is large.
        if contents.definitions.count >= Self.largeReading { LetGoElsewhere.letGo(of: contents) }
        return .success(workbook)
    }

    /// The workbook read again from `text`, an edit of its own file text (a `periods` line typed
    /// in the REPL): the same path and saved state, so the edit counts as unsaved and `:save`
    /// still notices a file changed on disk meanwhile.
    public func reparsed(_ text: String) -> Result<Workbook, LoadFailure> {
        Workbook.parse(text, path: path ?? "<new model>").map { parsed in
            var workbook = parsed
            workbook.path = path
            workbook.savedContentHash = savedContentHash
            workbook.diskStamp = diskStamp
            return workbook
        }
    }

    // MARK: Cells

    /// Gives a cell a formula (a new cell goes at `position`, or after the base model's last
    /// line). `trailing`, when given, replaces the spaces and comment after the formula on its
    /// line, as typed: `leads = 150   # after the trade show`.
    @discardableResult
    public mutating func define(
        _ definition: Definition, at position: Int? = nil, trailing: String? = nil
    ) throws(ModelError) -> [CellChange] {
        let isNew = model[definition.name] == nil
        let changes = try model.define(definition, at: position)
        if !isNew {
            document.setDefinition(definition.name, formula: definition.formula, trailing: trailing, periods: definition.periods)
        } else if let position, position < model.count - 1 {
            document.insertDefinition(
                definition.name, formula: definition.formula, trailing: trailing ?? "", before: model.names[position + 1])
        } else {
            document.appendDefinition(definition.name, formula: definition.formula, trailing: trailing ?? "")
        }
        return changes
    }

    /// Takes away the override of `name` in exactly `periods`, and its line.
    @discardableResult
    public mutating func removeOverride(_ name: String, periods: ClosedRange<Period>) throws(ModelError) -> [CellChange] {
        let changes = try model.removeOverride(name, periods: periods)
        document.removeDefinition(name, periods: periods)
        return changes
    }

    /// Removes a cell, its overrides and the scenario overrides of it.
    @discardableResult
    public mutating func delete(_ name: String) throws(ModelError) -> [CellChange] {
        let changes = try model.delete(name)
        document.removeAllLines(of: name)
        for index in scenarios.indices where scenarios[index].overrides.contains(where: { $0.name == name }) {
            scenarios[index].overrides.removeAll { $0.name == name }
            document.removeAllLines(of: name, section: scenarios[index].name)
        }
        return changes
    }

    /// Everything deleting `name` takes away, kept by undo so that putting the cell back
    /// restores its lines as they were written, comments included, in their places.
    public struct RemovedCell: Sendable {
        public let definition: Definition
        /// The cell's own overrides of some periods.
        let cellOverrides: [Definition]
        /// The cell's actuals, by period index.
        let cellActuals: [Int: Double]
        let position: Int
        let lines: [(index: Int, entry: ModelDocument.Entry)]
        let overrides: [(scenario: String, index: Int, definition: Definition)]
    }

    /// What `delete(name)` would take away, or nil when there is no such cell.
    public func removal(of name: String) -> RemovedCell? {
        guard let cell = model[name], let position = model.position(of: name) else { return nil }
        let overrides = scenarios.flatMap { scenario in
            scenario.overrides.indices.filter { scenario.overrides[$0].name == name }
                .map { (scenario: scenario.name, index: $0, definition: scenario.overrides[$0]) }
        }
        return RemovedCell(
            definition: cell.definition, cellOverrides: cell.overrides, cellActuals: cell.actuals, position: position,
            lines: document.definitionLines(of: name),
            overrides: overrides)
    }

    /// Puts back a deleted cell exactly as `removal(of:)` found it.
    @discardableResult
    public mutating func restore(_ removed: RemovedCell) throws(ModelError) -> [CellChange] {
        var changes = try model.define(removed.definition, at: removed.position)
        for override in removed.cellOverrides { changes = try model.define(override) }
        let timeline = model.timeline
        let actuals = removed.cellActuals.map {
            ActualChange(name: removed.definition.name, period: timeline.periods[$0.key], value: $0.value)
        }
        if !actuals.isEmpty { changes = try model.setActuals(actuals) }
        document.reinsert(removed.lines)
        for override in removed.overrides {
            guard let index = scenarios.firstIndex(where: { $0.name == override.scenario }) else { continue }
            let at = min(override.index, scenarios[index].overrides.count)
            scenarios[index].overrides.insert(override.definition, at: at)
        }
        return changes
    }

    /// Renames a cell everywhere: its line, every formula that uses it, and the scenarios.
    @discardableResult
    public mutating func rename(_ old: String, to new: String) throws(ModelError) -> [CellChange] {
        let users = model.dependents(of: old)
        let changes = try model.rename(old, to: new)
        document.renameDefinition(old, to: new)
        for user in users {
            guard let cell = model[user] else { continue }
            document.setDefinition(user, formula: cell.formula)
            for override in cell.overrides {
                document.setDefinition(user, formula: override.formula, periods: override.periods)
            }
        }
        for index in goals.indices {
            guard let renamed = goals[index].renamingReferences(old, to: new) else { continue }
            goals[index] = renamed
            document.setGoal(at: index, text: renamed.text)
        }
        for index in scenarios.indices {
            scenarios[index].overrides = scenarios[index].overrides.map { override in
                let renamed = override.renamingReferences(old, to: new)
                let named = override.name == old
                    ? Definition(name: new, formula: renamed.formula, expression: renamed.expression, periods: override.periods)
                    : renamed
                if named.formula != override.formula {
                    document.setDefinition(named.name, formula: named.formula, section: scenarios[index].name,
                                           periods: named.periods)
                }
                return named
            }
        }
        return changes
    }

    /// The spaces and comment after the formula on the file line of `name`, or "".
    public func trailingText(of name: String) -> String { document.trailingText(of: name) }

    // MARK: Goals

    public mutating func addGoal(_ entry: GoalEntry) {
        goals.append(entry)
        document.appendGoal(entry.text)
    }

    public mutating func removeGoal(at index: Int) {
        guard goals.indices.contains(index) else { return }
        goals.remove(at: index)
        document.removeGoal(at: index)
    }

    /// A goal taken out, with what putting it back in its place, comment and all, needs.
    public struct RemovedGoal: Sendable {
        public let entry: GoalEntry
        /// Its place among the goals.
        public let index: Int
        let line: (index: Int, entry: ModelDocument.Entry)?
    }

    /// What `removeGoal(at: index)` would take away; nil when there is no such goal.
    public func goalRemoval(at index: Int) -> RemovedGoal? {
        guard goals.indices.contains(index) else { return nil }
        return RemovedGoal(entry: goals[index], index: index, line: document.goalLine(at: index))
    }

    /// Puts back a goal exactly as `goalRemoval(at:)` found it.
    public mutating func restoreGoal(_ removed: RemovedGoal) {
        goals.insert(removed.entry, at: min(removed.index, goals.count))
        if let line = removed.line { document.reinsert([line]) } else { document.appendGoal(removed.entry.text) }
    }

    // MARK: Comments

    /// A whole-line comment typed in the REPL: saved where a new cell would go, in the order typed.
    public mutating func addComment(_ text: String) {
        document.appendComment(text)
    }

    /// Takes back the comment `addComment(text)` added last.
    public mutating func removeComment(_ text: String) {
        document.removeComment(text)
    }

    // MARK: Scenarios

    public func scenario(named name: String) -> Scenario? { scenarios.first { $0.name == name } }

    /// Adds a scenario or replaces the overrides of the one with its name.
    public mutating func setScenario(_ scenario: Scenario) {
        let old = self.scenario(named: scenario.name)?.overrides ?? []
        if let index = scenarios.firstIndex(where: { $0.name == scenario.name }) {
            scenarios[index] = scenario
        } else {
            scenarios.append(scenario)
            document.appendSection(scenario.name)
        }
        for override in old where !scenario.overrides.contains(where: { $0.target == override.target }) {
            document.removeDefinition(override.name, section: scenario.name, periods: override.periods?.periods)
        }
        for override in scenario.overrides where !old.contains(override) {
            document.setDefinition(override.name, formula: override.formula, section: scenario.name, periods: override.periods)
        }
    }

    public mutating func removeScenario(named name: String) throws(WorkbookError) {
        guard let index = scenarios.firstIndex(where: { $0.name == name }) else { throw .unknownScenario(name) }
        scenarios.remove(at: index)
        document.removeSection(name)
    }

    /// A scenario taken out, with what putting it back in its place, lines and all, needs.
    public struct RemovedScenario: Sendable {
        public let scenario: Scenario
        /// Its place among the scenarios.
        let index: Int
        let lines: [(index: Int, entry: ModelDocument.Entry)]
    }

    /// What `removeScenario(named: name)` would take away; nil when there is no such scenario.
    public func scenarioRemoval(named name: String) -> RemovedScenario? {
        guard let index = scenarios.firstIndex(where: { $0.name == name }) else { return nil }
        return RemovedScenario(scenario: scenarios[index], index: index, lines: document.sectionLines(name))
    }

    /// Puts back a scenario exactly as `scenarioRemoval(named:)` found it.
    public mutating func restoreScenario(_ removed: RemovedScenario) throws(WorkbookError) {
        guard scenario(named: removed.scenario.name) == nil else { throw .scenarioExists(removed.scenario.name) }
        scenarios.insert(removed.scenario, at: min(removed.index, scenarios.count))
        document.reinsert(removed.lines)
    }

    /// Why the scenarios would not load from the text `:save` writes, one message each; empty
    /// when they would. The loader's own rule (``ScenarioValidator``), for edits to keep.
    public var scenarioProblems: [String] {
        guard !scenarios.isEmpty else { return [] }
        return ScenarioValidator.problems(in: scenarios, base: model) { model[$0]?.isLeadIndicator }.map(\.message)
    }

    /// The base model with a scenario's overrides applied.
    public func model(applying scenarioName: String) throws(WorkbookError) -> Model {
        guard let scenario = scenario(named: scenarioName) else { throw .unknownScenario(scenarioName) }
        var applied = model
        do throws(ModelError) {
            try applied.applyOverrides(scenario.overrides)
        } catch {
            throw .model(error)
        }
        return applied
    }

    // MARK: Saving

    /// Writes the file atomically to `path` (or the workbook's own path) and makes it the
    /// workbook's path. Refuses to overwrite the model's own file when it changed on disk
    /// since it was loaded or saved, and to replace a write-protected file, unless
    /// `overwriting` (`:save!`).
    public mutating func save(to path: String? = nil, overwriting: Bool = false) throws(WorkbookError) {
        guard let target = path ?? self.path else { throw .noPath }
        if !overwriting, target == self.path, let diskStamp, !diskStamp.stillMatches(target) {
            throw .changedOnDisk(path: target)
        }
        let stamp = try AtomicFile.write(Array(render().utf8), to: target, replacingProtected: overwriting)
        self.path = target
        diskStamp = stamp
        savedContentHash = stamp.contentHash
    }
}

extension LoadFailure {
    /// At most this many problems are printed; a binary file would otherwise print thousands.
    static let shownProblems = 50

    init(rendering diagnostics: [Diagnostic], in source: SourceText) {
        let sorted = diagnostics.sorted { $0.range.start < $1.range.start }
        var messages = sorted.prefix(Self.shownProblems).map { DiagnosticPrinter.render($0, in: source) }
        if sorted.count > Self.shownProblems {
            messages.append("\(source.path): \(sorted.count - Self.shownProblems) more errors not shown")
        }
        self.init(messages: messages)
    }
}
