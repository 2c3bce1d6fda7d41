import AuditLog
import ClaimsCrypto
import ClaimsPipeline
import ClaimsStore
import Foundation

/// The logic behind `claimsgate audit …`, `keys rotate` and `archive cat`; the CLI only parses
/// arguments and prints.
extension OperatorSession {
    /// Checks the whole chain and every checkpoint (database and mirror file).
    public func verifyAudit() async throws -> AuditVerification {
        let repository = AuditRepository(database: database)
        let records = try await repository.records()
        var checkpoints = try await repository.checkpoints()
        if let mirror = configuration.security.checkpointFile {
            checkpoints += try AuditCheckpointMirror(url: mirror).checkpoints()
        }
        return try AuditVerifier(ring: keys.audit).verify(records: records, checkpoints: checkpoints)
    }

    /// Decrypted records matching `filter`, after recording (and committing) that this operator
    /// read them.
    public func showAudit(_ filter: AuditFilter) async throws -> [AuditEntry] {
        let records = try await AuditRepository(database: database).records(filter)
        let sealer = AuditSealer(ring: keys.audit)
        let entries = try records.map { AuditEntry(record: $0, details: try sealer.details(of: $0)) }
        var details = ["records": String(entries.count)]
        if let since = filter.sinceMicros { details["since"] = String(since) }
        if let partner = filter.partner { details["partner"] = partner }
        if let action = filter.action { details["action"] = action }
        try await recordAndFlush(action: "audit.show", object: "audit", partner: filter.partner, details: details)
        return entries
    }

    /// Hands the clear bytes of an archived (or quarantined) file to `output` a slice at a time,
    /// after recording the read. The mapped archive is opened twice, never whole in memory: once
    /// to check its tag, so that an altered archive hands out nothing, then to hand it out.
    public func readArchive(fileID: Int64, to output: (UnsafeRawBufferPointer) throws -> Void) async throws {
        guard let record = try await FileRepository(database: database).file(fileID) else {
            throw CryptoError(.malformed, "no file \(fileID)")
        }
        guard let path = record.storedPath, record.state == .archived || record.state == .quarantined,
            let sealed = try ArchiveCipher.map(URL(fileURLWithPath: path))
        else { throw CryptoError(.malformed, "file \(fileID) has no archived copy (state \(record.state.rawValue))") }
        var size = 0
        try ArchiveCipher.open(sealed, fileID: fileID, ring: keys.phi) { size += $0.count }
        try await recordAndFlush(
            action: "archive.read", object: "file:\(fileID)", partner: record.partner,
            details: ["size": String(size), "key.id": String(SealedBox.keyID(of: sealed.bytes) ?? 0)])
        try ArchiveCipher.open(sealed, fileID: fileID, ring: keys.phi, emit: output)
    }
}

/// One decrypted audit record, as `audit show` prints it.
public struct AuditEntry: Sendable, Encodable {
    public var sequence: Int64
    public var time: String
    public var actor: String
    public var action: String
    public var object: String
    public var outcome: String
    public var partner: String?
    public var keyID: UInt32
    public var details: [String: String]

    init(record: AuditRecord, details: [String: String]) {
        sequence = record.sequence
        time = Self.format(micros: record.timeMicros)
        actor = record.actor
        action = record.action
        object = record.object
        outcome = record.outcome
        partner = record.partner
        keyID = record.keyID
        self.details = details
    }

    /// `2026-11-30T10:15:00.123456Z`.
    static func format(micros: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let seconds = micros.quotient(1_000_000)
        let base = formatter.string(from: Date(timeIntervalSince1970: Double(seconds)))
        return base.dropLast() + String(format: ".%06dZ", Int(micros - seconds * 1_000_000))
    }

    /// One line: sequence, time, actor, action, object, outcome, partner, details (sorted).
    public var text: String {
        let detailText = details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return "\(sequence)\t\(time)\t\(actor)\t\(action)\t\(object)\t\(outcome)\t\(partner ?? "-")\t\(detailText)"
    }
}

extension Int64 {
    /// Floor division (for times before 1970 as well).
    func quotient(_ divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor < 0) ? q - 1 : q
    }
}

extension OperatorSession {
    /// Adds a new key to each named key file (`audit`, `phi`) and makes it current; registers its
    /// fingerprint and audits the rotation. Returns the new key id per purpose. A running `serve`
    /// keeps sealing under the key it loaded until it restarts.
    public func rotateKeys(_ purposes: [String]) async throws -> [String: UInt32] {
        var rotated: [String: UInt32] = [:]
        for purpose in purposes {
            let url = purpose == "audit" ? configuration.security.auditKeyFile : configuration.security.phiKeyFile
            let ring = try KeyFile(url: url, purpose: purpose).rotate()
            try await KeyRegistry(database: database).register(ring, source: url.path)
            try await recordAndFlush(
                action: "keys.rotated", object: "key:\(purpose):\(ring.currentID)",
                details: [
                    "purpose": purpose, "key.id": String(ring.currentID), "previous.key.id": String(ring.ids.dropLast().last ?? 0),
                    "fingerprint": Hex.encode(ring.current.fingerprint),
                ])
            rotated[purpose] = ring.currentID
        }
        return rotated
    }
}
