import CEditLine
import Glibc

/// Turns Ctrl-C into a cancelled line while a line is being read, and only then: outside a
/// read, Ctrl-C keeps its usual meaning so a long computation can still be stopped.
///
/// The shim's flag is private to each Swift file that calls it, so every use of it lives here.
///
/// Known limit: a Ctrl-C that arrives while libedit is busy with typed keys (not blocked in
/// `read`) sets the flag without breaking a read, so that Ctrl-C is lost; pressing it
/// again, once the line is drawn, works. A read function of our own that
/// polls the flag (EL_GETCFN) would close that window.
struct InterruptCatcher: ~Copyable {
    private var previousAction = sigaction()

    init() {
        cel_install_interrupt_handler(&previousAction)
    }

    /// True if Ctrl-C was pressed since the last call (or since installation).
    func takeInterrupt() -> Bool {
        cel_take_interrupt() != 0
    }

    deinit {
        withUnsafePointer(to: previousAction) { _ = cel_restore_interrupt_handler($0) }
    }
}

/// Work a person may stop with Ctrl-C without losing the session: while `body` runs,
/// Ctrl-C sets a flag that the work polls with ``takeInterrupt()`` instead of ending the
/// process, so a long table can be abandoned and unsaved edits survive.
public enum InterruptibleWork {
    public static func run<Result>(_ body: () -> Result) -> Result {
        let catcher = InterruptCatcher()
        defer { _ = catcher.takeInterrupt() }
        return body()
    }

    /// True once if Ctrl-C was pressed during ``run(_:)`` since the last call.
    @Sendable public static func takeInterrupt() -> Bool {
        cel_take_interrupt() != 0
    }
}
