import Foundation

/// Facts about the process's terminal that decide how input is read and how wide output may be.
public enum Terminal {
    /// Columns assumed when neither the terminal nor `COLUMNS` says.
    public static let fallbackWidth = 80

    public static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    public static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Columns of the terminal on standard output, else `COLUMNS`, else 80; asked afresh each
    /// time because the window can be resized at any moment.
    public static var width: Int {
        width(measured: measuredWidth(), columnsVariable: ProcessInfo.processInfo.environment["COLUMNS"])
    }

    static func width(measured: Int?, columnsVariable: String?) -> Int {
        if let measured, measured > 0 { return measured }
        if let columns = columnsVariable.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), columns > 0 {
            return columns
        }
        return fallbackWidth
    }

    private static func measuredWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return Int(size.ws_col)
    }
}
