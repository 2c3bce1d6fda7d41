/// The keys of one purpose (audit, or PHI), by key id, and which one new data is written under.
///
/// Old keys stay after a rotation so that what they sealed stays readable and verifiable; each
/// stored value names its key id. Never log a `KeyRing` or its keys (it has no description that
/// would print them).
public struct KeyRing: Sendable {
    /// A pair of independent 256-bit keys: one encrypts, one authenticates (MACs, lookup hashes).
    public struct Key: Sendable {
        public let id: UInt32
        public let encryptionKey: [UInt8]
        public let macKey: [UInt8]

        public init(id: UInt32, encryptionKey: [UInt8], macKey: [UInt8]) {
            self.id = id
            self.encryptionKey = encryptionKey
            self.macKey = macKey
        }

        /// A fresh random key pair.
        public static func generate(id: UInt32) -> Key {
            Key(id: id, encryptionKey: SecureRandom.bytes(AESGCM.keyLength), macKey: SecureRandom.bytes(HMACSHA256.length))
        }

        /// 16 bytes that identify the key without revealing it: recorded in the database on first
        /// use, so a different key under the same id fails loudly instead of reading as tampering.
        public var fingerprint: [UInt8] {
            Array(HMACSHA256.mac(key: encryptionKey + macKey, Array("claimsgate key fingerprint v1".utf8)).prefix(16))
        }
    }

    /// What the keys protect, named in errors ("audit key 2", "phi key 1").
    public let purpose: String
    public let currentID: UInt32
    public let keys: [UInt32: Key]

    public init(purpose: String, currentID: UInt32, keys: [Key]) {
        self.purpose = purpose
        self.currentID = currentID
        self.keys = Dictionary(keys.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        precondition(self.keys[currentID] != nil, "the current key must be in the ring")
    }

    /// The key new data is sealed with.
    public var current: Key { keys[currentID]! }

    /// The key with `id`, or an error naming it (never silently another key).
    public func key(_ id: UInt32) throws -> Key {
        guard let key = keys[id] else {
            throw CryptoError(.unknownKey, "\(purpose) key \(id) is not in the key file")
        }
        return key
    }

    /// Ids in ascending order.
    public var ids: [UInt32] { keys.keys.sorted() }
}
