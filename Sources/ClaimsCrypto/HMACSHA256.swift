import COpenSSL

/// HMAC-SHA256 through OpenSSL's one-shot `HMAC()`: the audit chain links, checkpoint signatures,
/// key fingerprints and the member-id lookup hash.
public enum HMACSHA256 {
    public static let length = 32

    /// The 32-byte MAC of `message` under `key`.
    public static func mac(key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        var outLength: UInt32 = 0
        let result = key.withUnsafeBytes { keyBuffer in
            message.withUnsafeBytes { messageBuffer in
                HMAC(
                    EVP_sha256(), keyBuffer.baseAddress, Int32(keyBuffer.count),
                    messageBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBuffer.count, &out, &outLength)
            }
        }
        precondition(result != nil && outLength == UInt32(length), "OpenSSL HMAC-SHA256 failed")
        return out
    }

    /// Compares two MACs in time independent of where they differ.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in CRYPTO_memcmp(x.baseAddress, y.baseAddress, x.count) == 0 } }
    }
}
