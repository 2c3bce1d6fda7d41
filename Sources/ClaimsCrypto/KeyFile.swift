import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A key ring on disk: JSON with base64 keys, mode 0600 in a 0700 directory.
///
/// Development creates it on first start (`var/keys/audit.keys`, `var/keys/phi.keys`); production
/// names files provisioned by its secret store. A file that others may read is refused, not used.
/// Writes go to a temporary file that is fsynced and renamed, so a crash during `rotate` leaves
/// the old ring or the new one, never half of it.
public struct KeyFile: Sendable {
    public let url: URL
    public let purpose: String

    public init(url: URL, purpose: String) {
        self.url = url
        self.purpose = purpose
    }

    struct Contents: Codable {
        struct Entry: Codable {
            var id: UInt32
            var created: String
            var encryption: String
            var mac: String
        }
        var format = "claimsgate-keys-v1"
        var purpose: String
        var current: UInt32
        var keys: [Entry]
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Reads the ring. Fails, naming the file (never its content), when it is missing, malformed
    /// or readable by group or others.
    public func load() throws -> KeyRing {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw CryptoError(.keyFile, "\(purpose) key file \(url.path) is missing (errno \(errno))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw CryptoError(
                .keyFile, "\(purpose) key file \(url.path) is readable by others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: Data(contentsOf: url))
        } catch {
            throw CryptoError(.keyFile, "\(purpose) key file \(url.path) is not a claimsgate key file")
        }
        var keys: [KeyRing.Key] = []
        for entry in contents.keys {
            guard let encryption = Data(base64Encoded: entry.encryption), encryption.count == AESGCM.keyLength,
                let mac = Data(base64Encoded: entry.mac), mac.count == HMACSHA256.length
            else { throw CryptoError(.keyFile, "\(purpose) key \(entry.id) in \(url.path) is malformed") }
            keys.append(KeyRing.Key(id: entry.id, encryptionKey: [UInt8](encryption), macKey: [UInt8](mac)))
        }
        guard keys.contains(where: { $0.id == contents.current }) else {
            throw CryptoError(.keyFile, "\(purpose) key file \(url.path) names current key \(contents.current), which it does not hold")
        }
        return KeyRing(purpose: purpose, currentID: contents.current, keys: keys)
    }

    /// Loads the ring, first generating one with key 1 when the file does not exist. Returns the
    /// ring and whether it was created (an auditable key operation).
    public func loadOrCreate() throws -> (ring: KeyRing, created: Bool) {
        if exists { return (try load(), false) }
        let ring = KeyRing(purpose: purpose, currentID: 1, keys: [.generate(id: 1)])
        try write(ring)
        return (ring, true)
    }

    /// Adds a new key (highest id + 1) and makes it current; older keys stay for reading.
    public func rotate() throws -> KeyRing {
        let ring = try load()
        let next = (ring.ids.last ?? 0) + 1
        let rotated = KeyRing(purpose: purpose, currentID: next, keys: Array(ring.keys.values) + [.generate(id: next)])
        try write(rotated)
        return rotated
    }

    /// Writes `ring` atomically with mode 0600, creating the directory with mode 0700.
    public func write(_ ring: KeyRing) throws {
        let directory = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let now = ISO8601DateFormatter().string(from: Date())
        let previous = (try? JSONDecoder().decode(Contents.self, from: Data(contentsOf: url)))?.keys ?? []
        let contents = Contents(
            purpose: purpose, current: ring.currentID,
            keys: ring.ids.map { id in
                let key = ring.keys[id]!
                return .init(
                    id: id, created: previous.first { $0.id == id }?.created ?? now,
                    encryption: Data(key.encryptionKey).base64EncodedString(), mac: Data(key.macKey).base64EncodedString())
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes = [UInt8](try encoder.encode(contents)) + [0x0A]
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw CryptoError(.keyFile, "cannot create \(temporary.path) (errno \(errno))") }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CryptoError(.keyFile, "cannot write \(purpose) key file \(url.path) (errno \(errno))")
        }
    }
}
