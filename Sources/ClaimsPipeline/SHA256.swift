import ClaimsCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// The SHA-256 fingerprint that registers each received file, in hex.
public enum SHA256 {
    /// Lowercase hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    /// Lowercase hex digest of everything left to read from `descriptor` (the file at `path`), and
    /// its length: a file fingerprinted through one small buffer, never whole in memory.
    public static func hex(reading descriptor: Int32, path: String) throws(DurableFile.Failure) -> (hex: String, length: Int) {
        let digest = SHA256Digest()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var length = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DurableFile.Failure(operation: "read", path: path, code: errno)
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            length += count
        }
        return (Hex.encode(digest.finish()), length)
    }

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        Hex.encode(SHA256Digest.digest(bytes))
    }
}
