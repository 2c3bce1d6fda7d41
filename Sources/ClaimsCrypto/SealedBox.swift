/// The at-rest format of one encrypted value or file: `CGS1 ‖ key id (u32 BE) ‖ nonce (12) ‖
/// ciphertext ‖ tag (16)`, AES-256-GCM.
///
/// The key id travels with the value, so old values stay readable after a rotation. The
/// associated data is the header plus a caller's `context` (which column of which claim, which
/// archived file), so a sealed value copied onto another row or file no longer opens.
public enum SealedBox {
    static let magic: [UInt8] = Array("CGS1".utf8)
    public static let overhead = 4 + 4 + AESGCM.nonceLength + AESGCM.tagLength

    /// Appends the sealed form of `plaintext` to `output`, under `key` (with `cipher` built from
    /// its encryption key, reused across calls) and the 12-byte `nonce`.
    public static func seal(
        _ plaintext: UnsafeRawBufferPointer, key: KeyRing.Key, cipher: AESGCM, nonce: UnsafeRawBufferPointer,
        context: [UInt8], appendingTo output: inout [UInt8]
    ) {
        let start = output.count
        output.append(contentsOf: magic)
        output.appendUInt32(key.id)
        output.append(contentsOf: nonce)
        // The header and the context, on the stack: this runs for every PHI field of every claim.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8 + context.count) { aad in
            for offset in 0..<8 { aad[offset] = output[start + offset] }
            for (offset, byte) in context.enumerated() { aad[8 + offset] = byte }
            cipher.seal(plaintext, nonce: nonce, aad: UnsafeRawBufferPointer(aad), appendingTo: &output)
        }
    }

    /// `seal` of a whole file's bytes, handed to `emit` a slice at a time (never whole in memory).
    public static func seal(
        _ plaintext: UnsafeRawBufferPointer, ring: KeyRing, context: [UInt8], emit: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        let key = ring.current
        var header = magic
        header.appendUInt32(key.id)
        let aad = header + context
        let nonce = SecureRandom.bytes(AESGCM.nonceLength)
        header.append(contentsOf: nonce)
        try header.withUnsafeBytes(emit)
        try nonce.withUnsafeBytes { n in
            try aad.withUnsafeBytes { a in
                try AESGCM(key: key.encryptionKey).seal(plaintext, nonce: n, aad: a, emit: emit)
            }
        }
    }

    /// The key id a sealed value names, or nil when it is not a sealed value.
    public static func keyID(of sealed: some Collection<UInt8>) -> UInt32? {
        guard sealed.count >= overhead, sealed.prefix(4).elementsEqual(magic) else { return nil }
        return sealed.dropFirst(4).prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The plaintext of `sealed`. Throws, naming what and which key id, when the value is not
    /// sealed, the key is not in `ring`, or the tag does not verify (wrong key or altered data).
    public static func open(_ sealed: [UInt8], ring: KeyRing, context: [UInt8], what: String) throws -> [UInt8] {
        var plaintext: [UInt8] = []
        try sealed.withUnsafeBytes { sealed in
            try open(sealed, ring: ring, context: context, what: what) { plaintext.append(contentsOf: $0) }
        }
        return plaintext
    }

    /// `open` of a whole file's sealed bytes, its plaintext handed to `emit` a slice at a time
    /// (never whole in memory). The tag is checked after the last slice: what `emit` was given
    /// must not be used unless this returns without throwing.
    public static func open(
        _ sealed: UnsafeRawBufferPointer, ring: KeyRing, context: [UInt8], what: String,
        emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let id = keyID(of: sealed) else { throw CryptoError(.malformed, "\(what) is not a sealed value") }
        let key = try ring.key(id)
        let nonce = UnsafeRawBufferPointer(rebasing: sealed[8..<(8 + AESGCM.nonceLength)])
        let aad = Array(sealed[0..<8]) + context
        let verified = try aad.withUnsafeBytes { aad in
            try AESGCM(key: key.encryptionKey).open(
                UnsafeRawBufferPointer(rebasing: sealed[(8 + AESGCM.nonceLength)...]), nonce: nonce, aad: aad, emit: emit)
        }
        guard verified else {
            throw CryptoError(
                .authenticationFailed, "\(what) does not decrypt under \(ring.purpose) key \(id) (wrong key, or the data was altered)")
        }
    }
}

extension [UInt8] {
    mutating func appendUInt32(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8(value >> 16 & 0xFF))
        append(UInt8(value >> 8 & 0xFF))
        append(UInt8(value & 0xFF))
    }
}
