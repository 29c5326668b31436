import Dispatch

/// Lets go of a large value on another thread. Freeing what reading a large model file built (a
/// million definitions, each a count to drop on parts the model keeps, scattered in memory) is
/// work nobody waits for: done on the thread that read the file, it comes between the reading and
/// the first answer.
enum LetGoElsewhere {
    /// Hands `value` to a background thread, which drops it there: the last reference to each of
    /// its parts is then dropped on that thread (unless the caller still holds one).
    static func letGo<Value: Sendable>(of value: consuming Value) {
        DispatchQueue.global(qos: .utility).async { [value] in withExtendedLifetime(value) {} }
    }
}
