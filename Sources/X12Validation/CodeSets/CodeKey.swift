/// A code of up to eight ASCII characters packed into one integer: code set tables key on it so
/// that a look-up hashes one word and never allocates.
struct CodeKey: Hashable, Sendable {
    let raw: UInt64

    init(raw: UInt64) { self.raw = raw }

    init?(_ code: String) {
        guard let key = code.withBytes({ CodeKey(bytes: $0) }) else { return nil }
        self = key
    }

    init?<C: Collection<UInt8>>(bytes: C) {
        var raw: UInt64 = 0
        var count = 0
        for byte in bytes {
            guard count < 8, byte > 0x20, byte < 0x7F else { return nil }
            raw = raw << 8 | UInt64(byte)
            count += 1
        }
        guard count > 0 else { return nil }
        self.raw = raw
    }

    /// The code's text again (for writing a merged release).
    var text: String {
        var bytes: [UInt8] = []
        var value = raw
        while value != 0 {
            bytes.append(UInt8(value & 0xFF))
            value >>= 8
        }
        return String(decoding: bytes.reversed(), as: UTF8.self)
    }
}
