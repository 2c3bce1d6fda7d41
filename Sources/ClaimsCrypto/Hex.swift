/// Lowercase hexadecimal, as PostgreSQL prints `bytea` (`\x…`) and as key fingerprints are shown.
public enum Hex {
    static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `bytes` as lowercase hex.
    public static func encode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = digits[Int(byte >> 4)]
                buffer[index + 1] = digits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    /// Bytes of hex text (either case), or nil when it is not hex; a leading `\x` is skipped.
    public static func decode(_ text: String) -> [UInt8]? {
        var utf8 = Substring(text).utf8
        if utf8.starts(with: [0x5C, 0x78]) { utf8 = utf8.dropFirst(2) }
        guard utf8.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count / 2)
        var high: UInt8?
        for character in utf8 {
            guard let value = nibble(character) else { return nil }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return bytes
    }

    static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case 0x30...0x39: character - 0x30
        case 0x61...0x66: character - 0x61 + 10
        case 0x41...0x46: character - 0x41 + 10
        default: nil
        }
    }
}
