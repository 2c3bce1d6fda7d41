import ClaimsCore
import ClaimsCrypto

/// Seals one claim's patient and subscriber demographics into the `claims` PHI columns: each
/// field its own `SealedBox` (AES-256-GCM, key id in the value), bound to its column and claim
/// so a value copied elsewhere does not open, plus an HMAC of the member id for lookups.
///
/// Built once per chunk of claims (chunks are encoded concurrently) and reused for every claim of
/// it: one cipher context, random nonces drawn for many claims at once, each value sealed into one
/// reused buffer and copied into the COPY rows, so each claim costs seven AES-GCM operations and
/// no per-field allocation.
final class PHISealer {
    /// Column order of `fields(for:)`, after `phi_key_id`.
    static let columns = [
        "subscriber_name", "subscriber_birth_date", "subscriber_member_id", "subscriber_address", "patient_name",
        "patient_birth_date", "patient_address", "member_id_hmac",
    ]

    let key: KeyRing.Key
    private let cipher: AESGCM
    private let memberIDMAC: HMACContext
    /// The plaintext of the field being sealed, its context and its sealed box: rewritten in
    /// place for each one.
    private var plaintext: [UInt8] = []
    private var context: [UInt8] = []
    private var sealed: [UInt8] = []
    /// Nonces for the next values sealed, drawn 64 claims' worth at a time: `RAND_bytes` costs
    /// about 1.4 µs a call whatever it returns (locks, a fork check), more than sealing a field.
    private var nonces = [UInt8](repeating: 0, count: 64 * 7 * AESGCM.nonceLength)
    /// Offset in `nonces` of the next unused nonce; at the end, the pool is drawn again.
    private var nextNonce: Int

    init(ring: KeyRing) {
        key = ring.current
        cipher = AESGCM(key: key.encryptionKey)
        memberIDMAC = HMACContext(key: key.macKey)
        nextNonce = nonces.count
        plaintext.reserveCapacity(256)
        sealed.reserveCapacity(512)
    }

    /// Writes `claim`'s PHI fields (index `claimIndex` of file `fileID`): `phi_key_id` then the
    /// `columns`, NULL where the claim has no such value.
    func write(_ claim: Claim, fileID: Int64, claimIndex: Int, to copy: inout CopyBinary) {
        copy.int8(Int64(key.id))
        let row = (fileID, claimIndex)
        seal(column: 0, of: row, to: &copy) { Self.name(claim.subscriber, to: &$0) }
        seal(column: 1, of: row, to: &copy) { Self.text(claim.subscriber.birthDate?.description, to: &$0) }
        seal(column: 2, of: row, to: &copy) { Self.text(claim.subscriber.memberID, to: &$0) }
        seal(column: 3, of: row, to: &copy) { Self.address(claim.subscriber.address, to: &$0) }
        seal(column: 4, of: row, to: &copy) { output in claim.patient.map { Self.name($0, to: &output) } ?? false }
        seal(column: 5, of: row, to: &copy) { Self.text(claim.patient?.birthDate?.description, to: &$0) }
        seal(column: 6, of: row, to: &copy) { Self.address(claim.patient?.address, to: &$0) }
        copy.bytea(claim.subscriber.memberID.map { memberIDMAC.mac(Array($0.utf8)) })
    }

    /// The lookup hash of a member id under `key` (HMAC-SHA256 with its MAC key).
    static func memberIDHash(_ memberID: String, key: KeyRing.Key) -> [UInt8] {
        HMACSHA256.mac(key: key.macKey, Array(memberID.utf8))
    }

    /// Associated data of a PHI value: the column and the claim it belongs to.
    static func context(column: Int, fileID: Int64, claimIndex: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        appendContext(column: column, fileID: fileID, claimIndex: claimIndex, to: &bytes)
        return bytes
    }

    private static let contextLabel = Array("claimsgate phi v1".utf8)

    private static func appendContext(column: Int, fileID: Int64, claimIndex: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: contextLabel)
        bytes.append(UInt8(column))
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: fileID >> Int64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: claimIndex >> shift)) }
    }

    /// Seals what `write` puts into the plaintext buffer, or writes NULL when it returns false.
    private func seal(
        column: Int, of row: (fileID: Int64, claimIndex: Int), to copy: inout CopyBinary, _ write: (inout [UInt8]) -> Bool
    ) {
        plaintext.removeAll(keepingCapacity: true)
        guard write(&plaintext) else { return copy.null() }
        context.removeAll(keepingCapacity: true)
        Self.appendContext(column: column, fileID: row.fileID, claimIndex: row.claimIndex, to: &context)
        if nextNonce == nonces.count {
            SecureRandom.fill(&nonces)
            nextNonce = 0
        }
        let nonceRange = nextNonce..<(nextNonce + AESGCM.nonceLength)
        nextNonce += AESGCM.nonceLength
        sealed.removeAll(keepingCapacity: true)
        plaintext.withUnsafeBytes { plaintext in
            nonces.withUnsafeBytes { all in
                let nonce = UnsafeRawBufferPointer(rebasing: all[nonceRange])
                SealedBox.seal(plaintext, key: key, cipher: cipher, nonce: nonce, context: context, appendingTo: &sealed)
            }
        }
        copy.bytea(sealed)
    }

    // MARK: Plaintexts, each appended to `output`; false when there is none.

    private static let unitSeparator = UInt8(0x1F)

    /// `last`, unit separator, `first`.
    static func name(_ person: Person, to output: inout [UInt8]) -> Bool {
        output.append(contentsOf: person.lastName.utf8)
        output.append(unitSeparator)
        if let first = person.firstName { output.append(contentsOf: first.utf8) }
        return true
    }

    /// Address lines, city, state, postal code, joined by unit separators.
    static func address(_ address: Address?, to output: inout [UInt8]) -> Bool {
        guard let address else { return false }
        output.append(contentsOf: address.line1.utf8)
        output.append(unitSeparator)
        if let line2 = address.line2 { output.append(contentsOf: line2.utf8) }
        output.append(unitSeparator)
        output.append(contentsOf: address.city.utf8)
        output.append(unitSeparator)
        if let state = address.state { output.append(contentsOf: state.utf8) }
        output.append(unitSeparator)
        if let postalCode = address.postalCode { output.append(contentsOf: postalCode.utf8) }
        return true
    }

    static func text(_ value: String?, to output: inout [UInt8]) -> Bool {
        guard let value else { return false }
        output.append(contentsOf: value.utf8)
        return true
    }
}
