/// A loop id (`2300`, `2010AA`) packed into an integer, so code that dispatches on the loop of
/// every segment compares integers, not strings.
public struct LoopKey: Sendable, Hashable, ExpressibleByStringLiteral {
    public let rawValue: UInt64

    public init(_ id: String) { rawValue = LoopKey.pack(id.utf8) }

    public init(stringLiteral value: StaticString) {
        rawValue = value.withUTF8Buffer { LoopKey.pack($0) }
    }

    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        precondition(bytes.count <= 8, "loop ids are at most 8 characters")
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
