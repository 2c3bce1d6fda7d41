import ClaimsCrypto
import Foundation

/// Turns events into sealed, chained records and opens them again, under an audit key ring.
///
/// Sealing happens inside the writer's transaction, after it has locked the chain head, so the
/// sequence numbers it assigns have no gaps and the chain has one order whatever the number of
/// writers.
public struct AuditSealer: Sendable {
    public let ring: KeyRing

    public init(ring: KeyRing) { self.ring = ring }

    /// Seals `events` as records `head.sequence + 1…`, each chained to the one before, under the
    /// current key.
    public func seal(_ events: [AuditEvent], after head: AuditChainHead) -> [AuditRecord] {
        let key = ring.current
        let cipher = AESGCM(key: key.encryptionKey)
        let authenticator = HMACContext(key: key.macKey)
        var nonces = [UInt8](repeating: 0, count: events.count * AESGCM.nonceLength)
        SecureRandom.fill(&nonces)
        var previous = head.mac
        var records: [AuditRecord] = []
        records.reserveCapacity(events.count)
        for (offset, event) in events.enumerated() {
            let sequence = head.sequence + 1 + Int64(offset)
            let nonce = Array(nonces[offset * AESGCM.nonceLength..<(offset + 1) * AESGCM.nonceLength])
            let plaintext = Self.encode(event.details)
            let ciphertext = cipher.seal(
                plaintext, nonce: nonce, aad: AuditRecord.associatedData(sequence: sequence, actor: event.actor))
            var record = AuditRecord(
                sequence: sequence, timeMicros: event.timeMicros, actor: event.actor, action: event.action,
                object: event.object, outcome: event.outcome.rawValue, partner: event.partner, keyID: key.id,
                nonce: nonce, ciphertext: ciphertext, previousMAC: previous, mac: [])
            record.mac = authenticator.mac(record.macInput(sequence: sequence, previous: previous))
            previous = record.mac
            records.append(record)
        }
        return records
    }

    /// The decrypted details of `record`. Throws, naming the record and key id, when the key is
    /// missing or the details do not decrypt (wrong key, or altered record): never empty details.
    public func details(of record: AuditRecord) throws -> [String: String] {
        let key = try ring.key(record.keyID)
        let aad = AuditRecord.associatedData(sequence: record.sequence, actor: record.actor)
        guard let plaintext = AESGCM(key: key.encryptionKey).open(record.ciphertext, nonce: record.nonce, aad: aad),
            let details = try? JSONDecoder().decode([String: String].self, from: Data(plaintext))
        else {
            throw CryptoError(
                .authenticationFailed,
                "audit record \(record.sequence): details do not decrypt under audit key \(record.keyID) (wrong key, or the record was altered)")
        }
        return details
    }

    static func encode(_ details: [String: String]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return [UInt8]((try? encoder.encode(details)) ?? Data("{}".utf8))
    }
}

/// The last record of the chain: where the next batch continues.
public struct AuditChainHead: Sendable, Equatable {
    public var sequence: Int64
    public var mac: [UInt8]

    public init(sequence: Int64, mac: [UInt8]) {
        self.sequence = sequence
        self.mac = mac
    }

    /// The empty chain.
    public static let genesis = AuditChainHead(sequence: 0, mac: AuditRecord.genesisMAC)
}

/// Checks record MACs with one reusable HMAC context per key id: what the verifier uses to walk
/// 100,000 records. Not `Sendable`: one per verification.
final class MACChecker {
    let ring: KeyRing
    private var contexts: [UInt32: HMACContext] = [:]

    init(ring: KeyRing) { self.ring = ring }

    /// Whether `record` carries a valid MAC for position `sequence` after a record with MAC
    /// `previous`. Nil when its key id is not in the ring.
    func verifies(_ record: AuditRecord, sequence: Int64, previous: [UInt8]) -> Bool? {
        guard let context = context(record.keyID) else { return nil }
        return HMACSHA256.equal(context.mac(record.macInput(sequence: sequence, previous: previous)), record.mac)
    }

    private func context(_ id: UInt32) -> HMACContext? {
        if let context = contexts[id] { return context }
        guard let key = ring.keys[id] else { return nil }
        let context = HMACContext(key: key.macKey)
        contexts[id] = context
        return context
    }
}
