import Testing

@testable import SFTPGateway

/// Our SFTP v3 framing, request parser and reply encoder, driven with bytes only.
@Suite struct SFTPCodecTests {
    // MARK: Building client packets

    static func uint32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
    static func uint64(_ value: UInt64) -> [UInt8] { uint32(UInt32(value >> 32)) + uint32(UInt32(truncatingIfNeeded: value)) }
    static func string(_ bytes: [UInt8]) -> [UInt8] { uint32(UInt32(bytes.count)) + bytes }
    static func string(_ text: String) -> [UInt8] { string(Array(text.utf8)) }
    static func packet(_ type: UInt8, id: UInt32, _ fields: [UInt8]) -> [UInt8] {
        let body = [type] + uint32(id) + fields
        return uint32(UInt32(body.count)) + body
    }

    static let handle: [UInt8] = [0, 0, 0, 1]
    static func write(id: UInt32, offset: UInt64, data: [UInt8]) -> [UInt8] {
        packet(6, id: id, string(handle) + uint64(offset) + string(data))
    }

    /// Feeds `stream` to a framer `chunk` bytes per read and collects what it returns.
    static func frame(_ stream: [UInt8], chunk: Int) -> (packets: [[UInt8]], last: SFTPPacketFramer.Next) {
        let framer = SFTPPacketFramer()
        var position = 0
        var packets: [[UInt8]] = []
        while true {
            let next = framer.next { space in
                let count = min(chunk, space.count, stream.count - position)
                for index in 0..<count { space[index] = stream[position + index] }
                position += count
                return count
            }
            guard case .packet(let bytes) = next else { return (packets, next) }
            packets.append(Array(bytes))
        }
    }

    // MARK: Framing

    @Test(arguments: [1, 3, 4096, 1 << 20])
    func packetsSurviveAnyReadBoundaries(chunk: Int) {
        let big = (0..<SFTPPacketFramer.maximumPacketLength - 30).map { UInt8(truncatingIfNeeded: $0) }
        let packets = [Self.write(id: 1, offset: 0, data: [1, 2, 3]), Self.write(id: 2, offset: 3, data: big)]
            + (3..<8).map { Self.write(id: UInt32($0), offset: UInt64($0) * 32768, data: Array(repeating: UInt8($0), count: 32768)) }
        let result = Self.frame(packets.flatMap { $0 }, chunk: chunk)
        #expect(result.packets == packets.map { Array($0.dropFirst(4)) })
        guard case .end = result.last else {
            Issue.record("expected the end of the stream")
            return
        }
    }

    @Test(arguments: [UInt32(0), UInt32(SFTPPacketFramer.maximumPacketLength + 1), UInt32.max])
    func outOfBoundsLengthsEndTheSession(length: UInt32) {
        let result = Self.frame(Self.uint32(length) + [6, 0, 0, 0, 1], chunk: 4096)
        #expect(result.packets.isEmpty)
        guard case .oversized(let reported) = result.last else {
            Issue.record("expected an out-of-bounds length")
            return
        }
        #expect(reported == length)
    }

    @Test func aStreamCutInsideAPacketEnds() {
        let whole = Self.write(id: 9, offset: 0, data: Array(repeating: 7, count: 100))
        let result = Self.frame(Array(whole.dropLast(10)), chunk: 4096)
        #expect(result.packets.isEmpty)
        guard case .end = result.last else {
            Issue.record("expected the end of the stream")
            return
        }
    }

    // MARK: Requests

    static func parse(_ packet: [UInt8]) throws -> (id: UInt32, request: SFTPRequest) {
        try Array(packet.dropFirst(4)).withUnsafeBytes { bytes in
            var reader = SFTPByteReader(bytes)
            let type = try reader.byte()
            let id = try reader.uint32()
            return (id, try SFTPRequest(type: type, reader: &reader))
        }
    }

    @Test func writeCarriesItsDataWithoutCopy() throws {
        let packet = Array(Self.write(id: 77, offset: 1 << 40, data: [9, 8, 7]).dropFirst(4))
        try packet.withUnsafeBytes { bytes in
            var reader = SFTPByteReader(bytes)
            #expect(try reader.byte() == 6)
            #expect(try reader.uint32() == 77)
            guard case .write(let handle, let offset, let data) = try SFTPRequest(type: 6, reader: &reader) else {
                Issue.record("not a write")
                return
            }
            #expect(handle == Self.handle)
            #expect(offset == 1 << 40)
            #expect(Array(data) == [9, 8, 7])
            #expect(data.baseAddress == bytes.baseAddress! + bytes.count - 3)
        }
    }

    @Test func openSetstatAndPosixRenameAreUnderstood() throws {
        let attributes = Self.uint32(0x8000_000D) + Self.uint64(5) + Self.uint32(0o644) + Self.uint32(10) + Self.uint32(20)
            + Self.uint32(1) + Self.string("k") + Self.string("v")
        guard case .open(let path, let flags) = try Self.parse(Self.packet(3, id: 1, Self.string("/inbox/a.x12") + Self.uint32(0x1A) + attributes)).request
        else { throw Mismatch() }
        #expect(path == "/inbox/a.x12" && flags == 0x1A)
        guard case .setStat(let target, let times) = try Self.parse(Self.packet(9, id: 2, Self.string("/inbox/a.x12") + attributes)).request
        else { throw Mismatch() }
        #expect(target == "/inbox/a.x12" && times == FileTimes(access: 10, modification: 20))
        let rename = Self.string("posix-rename@openssh.com") + Self.string("/inbox/a") + Self.string("/inbox/b")
        guard case .rename(let from, let to) = try Self.parse(Self.packet(200, id: 3, rename)).request else { throw Mismatch() }
        #expect(from == "/inbox/a" && to == "/inbox/b")
        guard case .refused = try Self.parse(Self.packet(14, id: 4, Self.string("/inbox/d") + Self.uint32(0))).request else {
            throw Mismatch()
        }
    }

    /// Length fields that reach past the packet are refused, never followed.
    @Test(arguments: [
        packet(6, id: 1, string(handle) + uint64(0) + uint32(1000) + [1, 2, 3]),
        packet(6, id: 1, uint32(UInt32.max)),
        packet(3, id: 1, string("/inbox/a") + uint32(0)),
        packet(9, id: 1, string("/inbox/a") + uint32(0x8000_0000) + uint32(UInt32.max) + string("k")),
        packet(5, id: 1, string(handle) + uint64(0)),
        packet(18, id: 1, string("/inbox/a")),
    ])
    func truncatedRequestsAreBadMessages(packet: [UInt8]) {
        #expect(throws: SFTPByteReader.Truncated.self) { try Self.parse(packet) }
    }

    @Test func anOverlongHandleMatchesNoHandle() throws {
        let packet = Self.packet(4, id: 1, Self.string(Array(repeating: 1, count: SFTPRequest.maximumHandleLength + 1)))
        guard case .close(let handle) = try Self.parse(packet).request else { throw Mismatch() }
        #expect(handle.isEmpty)
    }

    // MARK: Replies

    @Test func statusAndDataReplies() {
        var encoder = SFTPReplyEncoder(capacity: 16)
        encoder.status(5, .permissionDenied)
        let status = Self.packet(101, id: 5, Self.uint32(3) + Self.string("permission denied") + Self.string(""))
        #expect(encoder.withPacket { Array($0) } == status)
        let filled = encoder.data(6, upTo: 100) { space in
            for index in 0..<4 { space[index] = UInt8(index) }
            return 4
        }
        #expect(filled == 4)
        #expect(encoder.withPacket { Array($0) } == Self.packet(103, id: 6, Self.string([0, 1, 2, 3])))
        #expect(encoder.data(7, upTo: 100) { _ in 0 } == 0)
        #expect(encoder.count == 0)
    }

    @Test func nameReplyListsEntriesWithAttributes() {
        var encoder = SFTPReplyEncoder()
        let attributes = FileAttributes(size: 12, permissions: 0o100640, accessTime: 1, modificationTime: 2)
        encoder.names(8, [("a.x12", "long a", attributes)])
        let expected = Self.packet(
            104, id: 8,
            Self.uint32(1) + Self.string("a.x12") + Self.string("long a") + Self.uint32(0xD) + Self.uint64(12)
                + Self.uint32(0o100640) + Self.uint32(1) + Self.uint32(2))
        #expect(encoder.withPacket { Array($0) } == expected)
    }

    struct Mismatch: Error {}
}
