import ClaimsCore
import ClaimsCrypto

/// Seals one claim's patient and subscriber demographics into the `claims` PHI columns: each
/// field its own `SealedBox` (AES-256-GCM, key id in the value), bound to its column and claim
/// so a value copied elsewhere does not open, plus an HMAC of the member id for lookups.
///
/// Built once per chunk of claims (chunks are encoded concurrently) and reused for every claim of
/// it: one cipher context, one batch of random nonces per claim, each value sealed straight into
/// the COPY buffer, so each claim costs seven AES-GCM operations and no per-field temporary arrays.
final class PHISealer {
    /// Column order of `fields(for:)`, after `phi_key_id`.
    static let columns = [
        "subscriber_name", "subscriber_birth_date", "subscriber_member_id", "subscriber_address", "patient_name",
        "patient_birth_date", "patient_address", "member_id_hmac",
    ]

    let key: KeyRing.Key
    private let cipher: AESGCM
    private var context: [UInt8] = []
    private var nonces = [UInt8](repeating: 0, count: 7 * AESGCM.nonceLength)

    init(ring: KeyRing) {
        key = ring.current
        cipher = AESGCM(key: key.encryptionKey)
    }

    /// Writes `claim`'s PHI fields (index `claimIndex` of file `fileID`): `phi_key_id` then the
    /// `columns`, NULL where the claim has no such value.
    func write(_ claim: Claim, fileID: Int64, claimIndex: Int, to copy: inout CopyBinary) {
        SecureRandom.fill(&nonces)
        let subscriber = claim.subscriber
        let patient = claim.patient
        copy.int8(Int64(key.id))
        seal(Self.name(subscriber), column: 0, fileID, claimIndex, to: &copy)
        seal(subscriber.birthDate?.description, column: 1, fileID, claimIndex, to: &copy)
        seal(subscriber.memberID, column: 2, fileID, claimIndex, to: &copy)
        seal(subscriber.address.map(Self.address), column: 3, fileID, claimIndex, to: &copy)
        seal(patient.map(Self.name), column: 4, fileID, claimIndex, to: &copy)
        seal(patient?.birthDate?.description, column: 5, fileID, claimIndex, to: &copy)
        seal(patient?.address.map(Self.address), column: 6, fileID, claimIndex, to: &copy)
        copy.bytea(subscriber.memberID.map { Self.memberIDHash($0, key: key) })
    }

    /// The lookup hash of a member id under `key` (HMAC-SHA256 with its MAC key).
    static func memberIDHash(_ memberID: String, key: KeyRing.Key) -> [UInt8] {
        HMACSHA256.mac(key: key.macKey, Array(memberID.utf8))
    }

    /// Associated data of a PHI value: the column and the claim it belongs to.
    static func context(column: Int, fileID: Int64, claimIndex: Int) -> [UInt8] {
        var bytes = Array("claimsgate phi v1".utf8)
        bytes.append(UInt8(column))
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: fileID >> Int64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: claimIndex >> shift)) }
        return bytes
    }

    private func seal(_ value: String?, column: Int, _ fileID: Int64, _ claimIndex: Int, to copy: inout CopyBinary) {
        guard var value else { return copy.null() }
        context = Self.context(column: column, fileID: fileID, claimIndex: claimIndex)
        value.withUTF8 { plaintext in
            nonces.withUnsafeBytes { all in
                let nonce = UnsafeRawBufferPointer(rebasing: all[(column * AESGCM.nonceLength)..<((column + 1) * AESGCM.nonceLength)])
                copy.bytea { output in
                    SealedBox.seal(
                        UnsafeRawBufferPointer(plaintext), key: key, cipher: cipher, nonce: nonce, context: context,
                        appendingTo: &output)
                }
            }
        }
    }

    /// `last`, unit separator, `first`.
    static func name(_ person: Person) -> String { person.lastName + "\u{1F}" + (person.firstName ?? "") }

    /// Address lines, city, state, postal code, joined by unit separators.
    static func address(_ address: Address) -> String {
        [address.line1, address.line2 ?? "", address.city, address.state ?? "", address.postalCode ?? ""]
            .joined(separator: "\u{1F}")
    }
}
