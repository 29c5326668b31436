/// The exit statuses of SPEC §6.
enum ExitStatus {
    static let success: Int32 = 0
    /// A failed assertion or an error in a script.
    static let failure: Int32 = 1
    /// Usage errors, and files that do not exist, parse or load.
    static let unusable: Int32 = 2
}
