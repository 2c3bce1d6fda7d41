/// One sealed, chained audit record, as stored in `audit_records`.
///
/// `mac` is HMAC-SHA256, under the MAC key of `keyID`, over every other field and `previousMAC`
/// (see `macInput`), so changing, removing, reordering or inserting a record breaks the chain at
/// that record. `ciphertext` is the AES-256-GCM sealed JSON of the details (tag appended), its
/// associated data binding the sequence number and actor.
public struct AuditRecord: Sendable, Equatable {
    public var sequence: Int64
    public var timeMicros: Int64
    public var actor: String
    public var action: String
    public var object: String
    public var outcome: String
    public var partner: String?
    public var keyID: UInt32
    public var nonce: [UInt8]
    public var ciphertext: [UInt8]
    public var previousMAC: [UInt8]
    public var mac: [UInt8]

    public init(
        sequence: Int64, timeMicros: Int64, actor: String, action: String, object: String, outcome: String,
        partner: String?, keyID: UInt32, nonce: [UInt8], ciphertext: [UInt8], previousMAC: [UInt8], mac: [UInt8]
    ) {
        self.sequence = sequence
        self.timeMicros = timeMicros
        self.actor = actor
        self.action = action
        self.object = object
        self.outcome = outcome
        self.partner = partner
        self.keyID = keyID
        self.nonce = nonce
        self.ciphertext = ciphertext
        self.previousMAC = previousMAC
        self.mac = mac
    }

    /// The previous MAC of record 1: 32 zero bytes.
    public static let genesisMAC = [UInt8](repeating: 0, count: 32)

    /// The bytes the MAC covers, as if this record had sequence `sequence` and followed a record
    /// whose MAC is `previous` (the verifier asks "would it verify there?"). Every variable-length
    /// field is length-prefixed, so no two different records encode alike.
    public func macInput(sequence: Int64, previous: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96 + actor.utf8.count + action.utf8.count + object.utf8.count + ciphertext.count)
        bytes.append(contentsOf: "claimsgate audit v1".utf8)
        bytes.appendInteger(UInt64(bitPattern: sequence))
        bytes.appendInteger(UInt64(bitPattern: timeMicros))
        for field in [actor, action, object, outcome] { bytes.appendField(field.utf8) }
        if let partner {
            bytes.append(1)
            bytes.appendField(partner.utf8)
        } else {
            bytes.append(0)
        }
        bytes.appendInteger(UInt64(keyID))
        bytes.appendField(nonce)
        bytes.appendField(ciphertext)
        bytes.appendField(previous)
        return bytes
    }

    /// Associated data of the details' AES-GCM seal: the record's place and its actor, so sealed
    /// details cannot be moved to another record unnoticed even before the chain is checked.
    static func associatedData(sequence: Int64, actor: String) -> [UInt8] {
        var bytes: [UInt8] = Array("claimsgate audit details v1".utf8)
        bytes.appendInteger(UInt64(bitPattern: sequence))
        bytes.appendField(actor.utf8)
        return bytes
    }
}

extension [UInt8] {
    mutating func appendInteger(_ value: UInt64) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    mutating func appendField<Bytes: Collection<UInt8>>(_ field: Bytes) {
        appendInteger(UInt64(field.count))
        append(contentsOf: field)
    }
}
