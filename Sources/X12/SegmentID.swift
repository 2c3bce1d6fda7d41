/// A segment identifier (`ISA`, `CLM`, `N3`) packed into an integer, so that comparing the tag of
/// every segment in a large file against the schema costs one integer compare, not a String.
public struct SegmentID: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: UInt32

    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Packs up to three bytes; longer or empty tags give `invalid`.
    public init<C: Collection<UInt8>>(bytes: C) {
        guard (1...3).contains(bytes.count) else {
            self = .invalid
            return
        }
        var value: UInt32 = 0
        for byte in bytes { value = value << 8 | UInt32(byte) }
        rawValue = value
    }

    /// From a literal such as `"CLM"`; inlinable, so literals fold into constants: tags are
    /// compared per segment.
    @inlinable
    public init(stringLiteral value: StaticString) {
        let count = value.utf8CodeUnitCount
        var packed: UInt32 = 0
        if (1...3).contains(count) {
            for offset in 0..<count { packed = packed << 8 | UInt32(value.utf8Start[offset]) }
        }
        self.init(rawValue: packed)
    }

    @inlinable
    public static func == (lhs: SegmentID, rhs: SegmentID) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Stands for a tag that is not 1–3 bytes long.
    public static let invalid = SegmentID(rawValue: 0)

    /// Whether the tag has the X12 form: an uppercase letter, then uppercase letters or digits.
    public var isWellFormed: Bool {
        guard rawValue != 0 else { return false }
        var bytes = self.bytes
        let first = bytes.removeFirst()
        guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first), bytes.count <= 2 else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }

    public var bytes: [UInt8] {
        var result: [UInt8] = []
        var value = rawValue
        while value != 0 {
            result.insert(UInt8(value & 0xFF), at: 0)
            value >>= 8
        }
        return result
    }

    public var description: String { String(decoding: bytes, as: UTF8.self) }

    public static func < (lhs: SegmentID, rhs: SegmentID) -> Bool { lhs.description < rhs.description }
}
