/// Reads SFTP v3 wire fields (big-endian integers, length-prefixed strings) from one packet. Every
/// read is checked against the bytes left, so no length field can reach past the packet.
struct SFTPByteReader {
    /// A field ran past the end of the packet.
    struct Truncated: Error {}

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - position }

    mutating func byte() throws(Truncated) -> UInt8 {
        guard remaining >= 1 else { throw Truncated() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uint32() throws(Truncated) -> UInt32 {
        guard remaining >= 4 else { throw Truncated() }
        defer { position += 4 }
        return (0..<4).reduce(0) { $0 << 8 | UInt32(bytes[position + $1]) }
    }

    mutating func uint64() throws(Truncated) -> UInt64 {
        UInt64(try uint32()) << 32 | UInt64(try uint32())
    }

    /// A length-prefixed byte string, as a view into the packet (valid as long as the packet is).
    mutating func bytesField() throws(Truncated) -> UnsafeRawBufferPointer {
        let length = Int(try uint32())
        guard length <= remaining else { throw Truncated() }
        defer { position += length }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
    }

    /// A length-prefixed string (paths, names); invalid UTF-8 is repaired, never trusted further:
    /// `VirtualPath` decides what a path means.
    mutating func string() throws(Truncated) -> String {
        String(decoding: try bytesField(), as: UTF8.self)
    }

    /// An attribute block; only the times are kept (the only attributes the gateway applies).
    mutating func attributes() throws(Truncated) -> FileTimes? {
        let flags = try uint32()
        if flags & 0x1 != 0 { _ = try uint64() }  // size
        if flags & 0x2 != 0 { _ = try uint64() }  // uid, gid
        if flags & 0x4 != 0 { _ = try uint32() }  // permissions
        var times: FileTimes?
        if flags & 0x8 != 0 { times = FileTimes(access: try uint32(), modification: try uint32()) }
        if flags & 0x8000_0000 != 0 {
            // Extended pairs: each takes at least 8 bytes, so a huge count ends at the packet's end.
            for _ in 0..<(try uint32()) {
                _ = try bytesField()
                _ = try bytesField()
            }
        }
        return times
    }
}

/// Access and modification times from a SETSTAT/FSETSTAT attribute block.
struct FileTimes: Equatable {
    let access: UInt32
    let modification: UInt32
}
