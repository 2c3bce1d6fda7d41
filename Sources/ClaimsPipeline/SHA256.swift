import COpenSSL
import X12

/// SHA-256 through OpenSSL's EVP interface: the fingerprint that registers each received file.
public enum SHA256 {
    /// Lowercase hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    /// Lowercase hex digest of a file's bytes, digested a slice at a time with each slice's pages
    /// handed back afterwards, so fingerprinting a large file does not hold it in memory.
    public static func hex(_ source: X12Source) -> String {
        hex(UnsafeRawBufferPointer(source.bytes), afterEachSlice: source.release)
    }

    static func hex(_ bytes: UnsafeRawBufferPointer, afterEachSlice: (Range<Int>) -> Void = { _ in }) -> String {
        guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL EVP_MD_CTX_new failed: out of memory") }
        defer { EVP_MD_CTX_free(context) }
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "OpenSSL SHA-256 init failed")
        let sliceLength = 8 << 20
        var offset = 0
        repeat {
            let slice = offset..<min(offset + sliceLength, bytes.count)
            precondition(
                EVP_DigestUpdate(context, bytes.baseAddress.map { $0 + offset }, slice.count) == 1,
                "OpenSSL SHA-256 update failed")
            afterEachSlice(slice)
            offset = slice.upperBound
        } while offset < bytes.count
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        precondition(EVP_DigestFinal_ex(context, &digest, &length) == 1, "OpenSSL SHA-256 final failed")
        return digest.prefix(Int(length)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
