import ClaimsCrypto

/// A signed statement "the chain had `recordCount` records and ended in `headMAC`", written
/// periodically. The chain alone cannot show that its tail was cut off; a checkpoint can.
public struct AuditCheckpoint: Sendable, Equatable {
    public var recordCount: Int64
    public var headMAC: [UInt8]
    public var timeMicros: Int64
    public var keyID: UInt32
    /// HMAC-SHA256 under the MAC key of `keyID` over the other fields.
    public var signature: [UInt8]

    public init(recordCount: Int64, headMAC: [UInt8], timeMicros: Int64, keyID: UInt32, signature: [UInt8]) {
        self.recordCount = recordCount
        self.headMAC = headMAC
        self.timeMicros = timeMicros
        self.keyID = keyID
        self.signature = signature
    }

    /// A checkpoint of `head`, signed with the ring's current key.
    public static func sign(_ head: AuditChainHead, at timeMicros: Int64 = AuditEvent.now(), ring: KeyRing) -> AuditCheckpoint {
        var checkpoint = AuditCheckpoint(
            recordCount: head.sequence, headMAC: head.mac, timeMicros: timeMicros, keyID: ring.currentID, signature: [])
        checkpoint.signature = HMACSHA256.mac(key: ring.current.macKey, checkpoint.signedBytes)
        return checkpoint
    }

    /// Whether the signature holds; throws when the key id is not in the ring.
    public func verifies(with ring: KeyRing) throws -> Bool {
        HMACSHA256.equal(HMACSHA256.mac(key: try ring.key(keyID).macKey, signedBytes), signature)
    }

    var signedBytes: [UInt8] {
        var bytes: [UInt8] = Array("claimsgate audit checkpoint v1".utf8)
        bytes.appendInteger(UInt64(bitPattern: recordCount))
        bytes.appendField(headMAC)
        bytes.appendInteger(UInt64(bitPattern: timeMicros))
        bytes.appendInteger(UInt64(keyID))
        return bytes
    }
}
