import COpenSSL

/// HMAC-SHA256 under one key, reusing one OpenSSL `EVP_MAC_CTX`: the one-shot `HMAC()` looks the
/// algorithm up on every call, which dominates when verifying 100,000 audit records. Not
/// `Sendable`: one per thread.
public final class HMACContext {
    private let context: OpaquePointer

    public init(key: [UInt8]) {
        guard let context = key.withUnsafeBufferPointer({ cg_hmac_sha256_new($0.baseAddress, $0.count) }) else {
            fatalError("OpenSSL HMAC-SHA256 context could not be created")
        }
        self.context = context
    }

    deinit { EVP_MAC_CTX_free(context) }

    /// The 32-byte MAC of `message`.
    public func mac(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: HMACSHA256.length)
        var length = 0
        let ok = EVP_MAC_init(context, nil, 0, nil) == 1
            && message.withUnsafeBufferPointer { EVP_MAC_update(context, $0.baseAddress, $0.count) } == 1
            && EVP_MAC_final(context, &out, &length, out.count) == 1
        precondition(ok && length == HMACSHA256.length, "OpenSSL HMAC-SHA256 failed")
        return out
    }
}
