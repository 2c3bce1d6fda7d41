import COpenSSL

/// Random bytes from OpenSSL's CSPRNG (`RAND_bytes`): nonces and new keys.
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        fill(&bytes)
        return bytes
    }

    /// Overwrites `buffer` with random bytes. Many nonces at once cost one call, not one each.
    public static func fill(_ buffer: inout [UInt8]) {
        guard !buffer.isEmpty else { return }
        let ok = buffer.withUnsafeMutableBytes { RAND_bytes($0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32($0.count)) }
        precondition(ok == 1, "OpenSSL RAND_bytes failed: no entropy")
    }
}
