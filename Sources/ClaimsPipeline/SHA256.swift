import COpenSSL

#if canImport(Glibc)
    import Glibc
#endif

/// SHA-256 through OpenSSL's EVP interface: the fingerprint that registers each received file.
public enum SHA256 {
    /// Lowercase hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    /// Lowercase hex digest of everything left to read from `descriptor` (the file at `path`), and
    /// its length: a file fingerprinted through one small buffer, never whole in memory.
    public static func hex(reading descriptor: Int32, path: String) throws(DurableFile.Failure) -> (hex: String, length: Int) {
        let digest = Digest()
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
        return (digest.finish(), length)
    }

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        let digest = Digest()
        digest.update(bytes)
        return digest.finish()
    }

    /// One digest being computed (OpenSSL's context, freed with it).
    final class Digest {
        private let context: OpaquePointer

        init() {
            guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL EVP_MD_CTX_new failed: out of memory") }
            precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "OpenSSL SHA-256 init failed")
            self.context = context
        }

        deinit { EVP_MD_CTX_free(context) }

        func update(_ bytes: UnsafeRawBufferPointer) {
            precondition(EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1, "OpenSSL SHA-256 update failed")
        }

        func finish() -> String {
            var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
            var length: UInt32 = 0
            precondition(EVP_DigestFinal_ex(context, &digest, &length) == 1, "OpenSSL SHA-256 final failed")
            return digest.prefix(Int(length)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }
}
