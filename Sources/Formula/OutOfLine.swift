/// A value kept behind one pointer instead of inline: for an optional part that most values of
/// a struct lack (an override's periods), when a model keeps that struct once per cell and the
/// part inline would be most of its size.
public enum OutOfLine<Wrapped: Hashable & Sendable>: Hashable, Sendable {
    indirect case boxed(Wrapped)

    public var unboxed: Wrapped {
        switch self {
        case .boxed(let value): value
        }
    }
}
