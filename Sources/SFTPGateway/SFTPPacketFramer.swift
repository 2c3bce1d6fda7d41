/// Cuts the channel's byte stream into SFTP packets (4-byte length, then type and payload) inside
/// one reused buffer, so a WRITE's data is written to its file straight from where the channel put
/// it. libssh's own `sftp_get_client_message` read each packet in three channel reads into a fresh
/// buffer and copied it twice more (a kept copy of the whole packet, then the data string).
///
/// Packets longer than `maximumPacketLength` end the session (OpenSSH's sftp-server allows 256 KiB;
/// clients write 32 KiB unless told otherwise), so a length field can never make us allocate.
final class SFTPPacketFramer {
    static let maximumPacketLength = 256 * 1024 + 1024

    enum Next {
        /// Type byte and payload, valid until the next call.
        case packet(UnsafeRawBufferPointer)
        /// The stream ended or failed between packets or inside one.
        case end
        /// A length field of zero or over the maximum.
        case oversized(UInt32)
    }

    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0

    /// `capacity` must hold a largest packet and its length field; more lets one channel read
    /// bring in several packets.
    init(capacity: Int = 2 * (maximumPacketLength + 4)) {
        precondition(capacity >= Self.maximumPacketLength + 4)
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The next packet; `read` fills the given space with at least one byte and returns the count,
    /// or 0 / a negative value at the end of the stream.
    func next(read: (UnsafeMutableRawBufferPointer) -> Int) -> Next {
        while true {
            if end - start >= 4 {
                let length = (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(buffer[start + $1]) }
                guard length > 0, length <= Self.maximumPacketLength else { return .oversized(length) }
                let total = 4 + Int(length)
                if end - start >= total {
                    defer { start += total }
                    return .packet(UnsafeRawBufferPointer(rebasing: buffer[start + 4..<start + total]))
                }
                if buffer.count - start < total { compact() }
            } else if buffer.count - start < 4 {
                compact()
            }
            if start == end {
                start = 0
                end = 0
            }
            let count = read(UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            guard count > 0 else { return .end }
            end += count
        }
    }

    /// Moves the partial packet at the end of the buffer to its start.
    private func compact() {
        let pending = end - start
        if pending > 0, let base = buffer.baseAddress { base.copyMemory(from: base + start, byteCount: pending) }
        start = 0
        end = pending
    }
}
