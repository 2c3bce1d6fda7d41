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
    /// place for each one. Unchecked for exclusive access: a sealer belongs to one chunk's
    /// encoder, and the run-time checks on these buffers cost more than the AES-GCM itself.
    @exclusivity(unchecked) private var plaintext: [UInt8] = []
    @exclusivity(unchecked) private var context: [UInt8] = []
    @exclusivity(unchecked) private var sealed: [UInt8] = []
    /// Nonces for the next values sealed, drawn 64 claims' worth at a time: `RAND_bytes` costs
    /// about 1.4 µs a call whatever it returns (locks, a fork check), more than sealing a field.
    @exclusivity(unchecked) private var nonces = [UInt8](repeating: 0, count: 64 * 7 * AESGCM.nonceLength)
    /// Offset in `nonces` of the next unused nonce; at the end, the pool is drawn again.
    @exclusivity(unchecked) private var nextNonce: Int

    init(ring: KeyRing) {
        key = ring.current
        cipher = AESGCM(key: key.encryptionKey)
        memberIDMAC = HMACContext(key: key.macKey)
        nextNonce = nonces.count
        plaintext.reserveCapacity(256)
        sealed.reserveCapacity(512)
    }

    /// Writes the PHI fields of the claim at `claim` (index `claimIndex` of file `fileID`):
    /// `phi_key_id` then the `columns`, NULL where the claim has no such value. Each plaintext
    /// is written into the reused buffer and sealed in turn; the claim is read field by field
    /// from its address (see `ClaimSlot.withClaimAddress`).
    func write(_ claim: UnsafePointer<Claim>, fileID: Int64, claimIndex: Int, to copy: inout CopyBinary) {
        copy.int8(Int64(key.id))
        context.removeAll(keepingCapacity: true)
        Self.appendContext(column: 0, fileID: fileID, claimIndex: claimIndex, to: &context)
        seal(
            Self.name(claim.pointee.subscriber.lastName, claim.pointee.subscriber.firstName, to: &plaintext), column: 0,
            to: &copy)
        seal(Self.text(claim.pointee.subscriber.birthDate?.description, to: &plaintext), column: 1, to: &copy)
        seal(Self.text(claim.pointee.subscriber.memberID, to: &plaintext), column: 2, to: &copy)
        seal(Self.address(claim.pointee.subscriber.address, to: &plaintext), column: 3, to: &copy)
        let hasPatient = claim.pointee.hasPatient
        seal(
            hasPatient && Self.name(claim.pointee.patient!.lastName, claim.pointee.patient!.firstName, to: &plaintext),
            column: 4, to: &copy)
        seal(Self.text(claim.pointee.patient?.birthDate?.description, to: &plaintext), column: 5, to: &copy)
        seal(Self.address(claim.pointee.patient?.address, to: &plaintext), column: 6, to: &copy)
        copy.bytea(claim.pointee.subscriber.memberID.map { memberIDMAC.mac(Array($0.utf8)) })
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

    /// Seals the plaintext buffer as `column` of the claim whose context is set, or writes NULL
    /// when the field had no value; leaves the buffer empty for the next field.
    private func seal(_ present: Bool, column: Int, to copy: inout CopyBinary) {
        defer { plaintext.removeAll(keepingCapacity: true) }
        guard present else { return copy.null() }
        // The context differs between a claim's fields only in the column byte after the label.
        context[Self.contextLabel.count] = UInt8(column)
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

    /// `last`, unit separator, `first`. Given the names rather than the person: a person read
    /// out of its claim was copied whole.
    static func name(_ last: String, _ first: String?, to output: inout [UInt8]) -> Bool {
        output.append(contentsOf: last.utf8)
        output.append(unitSeparator)
        if let first { output.append(contentsOf: first.utf8) }
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
