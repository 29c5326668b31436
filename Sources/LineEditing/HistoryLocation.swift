/// Where persistent REPL history lives, resolved from the environment so tests can point it
/// at a scratch file.
public enum HistoryLocation {
    /// Overrides the history file; set to an empty string to keep no history.
    public static let variable = "LEADLAG_HISTORY"
    /// Name of the history file in the home directory.
    public static let fileName = ".leadlag_history"

    /// `$LEADLAG_HISTORY` if set, else `~/.leadlag_history`; nil when history is switched off or
    /// there is no home directory to keep it in.
    public static func path(environment: [String: String]) -> String? {
        if let override = environment[variable] {
            return override.isEmpty ? nil : override
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home.hasSuffix("/") ? home + fileName : home + "/" + fileName
    }
}
