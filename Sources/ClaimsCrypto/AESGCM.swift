import COpenSSL

/// AES-256-GCM with one key, through OpenSSL's EVP interface.
///
/// One instance keeps one `EVP_CIPHER_CTX` and reuses its key schedule: sealing thousands of
/// small values (PHI fields, audit details) then costs one IV reset each, not a context and key
/// expansion each. Not `Sendable`: confine an instance to one thread (make one per batch).
public final class AESGCM {
    public static let keyLength = 32
    public static let nonceLength = 12
    public static let tagLength = 16

    /// Zeros to grow an output buffer by, copied in one move: appending `repeatElement(0, …)`
    /// went a byte at a time, for every PHI field of every claim.
    private static let zeros = [UInt8](repeating: 0, count: 1_024)

    /// `output` with `count` zero bytes more, to be overwritten.
    private static func extend(_ output: inout [UInt8], by count: Int) {
        if count <= zeros.count {
            output.append(contentsOf: zeros[..<count])
        } else {
            output.append(contentsOf: repeatElement(0, count: count))
        }
    }

    private let context: OpaquePointer
    private let key: [UInt8]
    /// 1 encrypt, 0 decrypt, -1 not initialised: the direction the key schedule is set up for.
    private var direction: Int32 = -1

    public init(key: [UInt8]) {
        precondition(key.count == Self.keyLength, "AES-256 needs a 32-byte key")
        guard let context = EVP_CIPHER_CTX_new() else { fatalError("OpenSSL EVP_CIPHER_CTX_new failed: out of memory") }
        self.context = context
        self.key = key
    }

    deinit { EVP_CIPHER_CTX_free(context) }

    /// Appends `ciphertext ‖ tag` of `plaintext` to `output`. `nonce` must be 12 bytes never used
    /// before with this key (callers draw them at random); `aad` is authenticated, not encrypted.
    public func seal(
        _ plaintext: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, aad: UnsafeRawBufferPointer,
        appendingTo output: inout [UInt8]
    ) {
        start(encrypt: 1, nonce: nonce)
        var length: Int32 = 0
        if aad.count > 0 {
            check(EVP_EncryptUpdate(context, nil, &length, aad.baseAddress, Int32(aad.count)), "AAD")
        }
        let start = output.count
        Self.extend(&output, by: plaintext.count + Self.tagLength)
        output.withUnsafeMutableBufferPointer { buffer in
            let out = buffer.baseAddress! + start
            var written: Int32 = 0
            if plaintext.count > 0 {
                check(EVP_EncryptUpdate(context, out, &written, plaintext.baseAddress, Int32(plaintext.count)), "update")
            }
            var final: Int32 = 0
            check(EVP_EncryptFinal_ex(context, out + Int(written), &final), "final")
            precondition(Int(written + final) == plaintext.count, "AES-GCM produced an unexpected length")
            check(
                EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(Self.tagLength), out + plaintext.count),
                "tag")
        }
    }

    /// `seal` of a plaintext too large to copy whole (an archived file): `ciphertext ‖ tag` is handed
    /// to `emit` a slice at a time, the ciphertext of plaintext bytes `0..<n` before that of `n...`.
    public func seal(
        _ plaintext: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, aad: UnsafeRawBufferPointer,
        sliceLength: Int = 1 << 20, emit: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        start(encrypt: 1, nonce: nonce)
        var length: Int32 = 0
        if aad.count > 0 {
            check(EVP_EncryptUpdate(context, nil, &length, aad.baseAddress, Int32(aad.count)), "AAD")
        }
        var slice = [UInt8](repeating: 0, count: sliceLength + Self.tagLength)
        try slice.withUnsafeMutableBytes { out in
            let base = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var offset = 0
            while offset < plaintext.count {
                let count = min(sliceLength, plaintext.count - offset)
                var written: Int32 = 0
                check(
                    EVP_EncryptUpdate(
                        context, base, &written, plaintext.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset,
                        Int32(count)), "update")
                try emit(UnsafeRawBufferPointer(start: base, count: Int(written)))
                offset += count
            }
            var final: Int32 = 0
            check(EVP_EncryptFinal_ex(context, base, &final), "final")
            check(EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(Self.tagLength), base + Int(final)), "tag")
            try emit(UnsafeRawBufferPointer(start: base, count: Int(final) + Self.tagLength))
        }
    }

    /// `seal` over arrays, returning `ciphertext ‖ tag`.
    public func seal(_ plaintext: [UInt8], nonce: [UInt8], aad: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(plaintext.count + Self.tagLength)
        plaintext.withUnsafeBytes { p in
            nonce.withUnsafeBytes { n in aad.withUnsafeBytes { a in seal(p, nonce: n, aad: a, appendingTo: &output) } }
        }
        return output
    }

    /// The plaintext of `ciphertext ‖ tag`, or nil when the tag does not verify (wrong key, or the
    /// ciphertext, nonce or associated data changed).
    public func open(_ sealed: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, aad: UnsafeRawBufferPointer) -> [UInt8]? {
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(max(0, sealed.count - Self.tagLength))
        return open(sealed, nonce: nonce, aad: aad) { plaintext.append(contentsOf: $0) } ? plaintext : nil
    }

    /// `open` handed to `emit` a slice at a time (never whole in memory); true when the tag
    /// verifies. The tag is checked after the last slice: what `emit` was given must not be used
    /// unless this returns true.
    public func open(
        _ sealed: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer, aad: UnsafeRawBufferPointer,
        sliceLength: Int = 1 << 20, emit: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows -> Bool {
        guard sealed.count >= Self.tagLength, nonce.count == Self.nonceLength else { return false }
        start(encrypt: 0, nonce: nonce)
        var length: Int32 = 0
        if aad.count > 0 {
            check(EVP_DecryptUpdate(context, nil, &length, aad.baseAddress, Int32(aad.count)), "AAD")
        }
        let textLength = sealed.count - Self.tagLength
        let input = sealed.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var slice = [UInt8](repeating: 0, count: max(1, min(sliceLength, textLength)))
        return try slice.withUnsafeMutableBufferPointer { out -> Bool in
            var offset = 0
            while offset < textLength {
                let count = min(out.count, textLength - offset)
                var written: Int32 = 0
                check(EVP_DecryptUpdate(context, out.baseAddress, &written, input + offset, Int32(count)), "update")
                try emit(UnsafeRawBufferPointer(start: out.baseAddress, count: Int(written)))
                offset += count
            }
            var tag = Array(sealed[textLength...])
            check(EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(Self.tagLength), &tag), "set tag")
            var final: Int32 = 0
            return EVP_DecryptFinal_ex(context, out.baseAddress, &final) == 1
        }
    }

    /// `open` over arrays.
    public func open(_ sealed: [UInt8], nonce: [UInt8], aad: [UInt8]) -> [UInt8]? {
        sealed.withUnsafeBytes { s in nonce.withUnsafeBytes { n in aad.withUnsafeBytes { a in open(s, nonce: n, aad: a) } } }
    }

    private func start(encrypt: Int32, nonce: UnsafeRawBufferPointer) {
        precondition(nonce.count == Self.nonceLength, "AES-GCM nonces here are 96 bits")
        if direction != encrypt {
            let ok = key.withUnsafeBufferPointer { EVP_CipherInit_ex(context, EVP_aes_256_gcm(), nil, $0.baseAddress, nil, encrypt) }
            check(ok, "init")
            direction = encrypt
        }
        check(
            EVP_CipherInit_ex(context, nil, nil, nil, nonce.baseAddress?.assumingMemoryBound(to: UInt8.self), encrypt),
            "nonce")
    }

    private func check(_ result: Int32, _ step: String) {
        precondition(result == 1, "OpenSSL AES-256-GCM \(step) failed")
    }
}
