/// A loop id (`2300`, `2010AA`) packed into an integer, so code that dispatches on the loop of
/// every segment compares integers, not strings.
public struct LoopKey: Sendable, Hashable, ExpressibleByStringLiteral {
    public let rawValue: UInt64

    public init(_ id: String) { rawValue = LoopKey.pack(id.utf8) }

    /// Inlinable, so that the literals a `switch` compares against fold into constants instead of
    /// being packed again for every segment.
    @inlinable
    public init(stringLiteral value: StaticString) {
        precondition(value.utf8CodeUnitCount <= 8, "loop ids are at most 8 characters")
        var packed: UInt64 = 0
        for offset in 0..<value.utf8CodeUnitCount { packed = packed << 8 | UInt64(value.utf8Start[offset]) }
        rawValue = packed
    }

    @inlinable
    public static func == (lhs: LoopKey, rhs: LoopKey) -> Bool { lhs.rawValue == rhs.rawValue }

    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        precondition(bytes.count <= 8, "loop ids are at most 8 characters")
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
