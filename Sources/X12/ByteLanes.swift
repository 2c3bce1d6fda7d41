/// Tests on the eight bytes of a word at once (SWAR), exact per byte: each lane's sum stays below
/// 0x100, so nothing carries into the next lane and every bit found names a real byte. Inlinable,
/// with the constants written in place: called across modules for every value of a segment.
public enum ByteLanes {
    /// `byte` in every lane of a word.
    @inlinable @inline(__always) public static func filled(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* 0x0101_0101_0101_0101
    }

    /// The eight bytes at `pointer`, first byte lowest.
    @inlinable @inline(__always) public static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The first `count` (0–7) bytes of `word`, the lanes after them zero: a short value read as
    /// the word it starts.
    @inlinable @inline(__always) public static func prefix(_ word: UInt64, _ count: Int) -> UInt64 {
        word & ((1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1)
    }

    /// The high bit of each lane of `word` that is zero, and no other bit.
    @inlinable @inline(__always) public static func zero(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    /// The high bit of each lane of `word` outside the printable ASCII range (0x20–0x7E).
    @inlinable @inline(__always) public static func unprintable(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastSpace = low &+ 0x6060_6060_6060_6060
        let delete = low &+ 0x0101_0101_0101_0101
        return (~atLeastSpace | delete | word) & high
    }
}
