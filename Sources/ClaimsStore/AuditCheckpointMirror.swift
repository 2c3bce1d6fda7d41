import AuditLog
import ClaimsCrypto
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// An append-only file outside the database with every signed checkpoint, one JSON line each
/// (`audit.checkpoint_file`). Someone who truncates the audit tables *and* deletes their
/// checkpoints is still caught by `audit verify` when this file (ideally on other storage, or
/// `chattr +a`) remembers a longer chain.
public struct AuditCheckpointMirror: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    struct Line: Codable {
        var recordCount: Int64
        var headMAC: String
        var timeMicros: Int64
        var keyID: UInt32
        var signature: String
    }

    /// Appends `checkpoint` (O_APPEND, fsync). A failure is logged, never fatal: the database
    /// copy is authoritative.
    func append(_ checkpoint: AuditCheckpoint, logger: Logger) {
        let line = Line(
            recordCount: checkpoint.recordCount, headMAC: Hex.encode(checkpoint.headMAC), timeMicros: checkpoint.timeMicros,
            keyID: checkpoint.keyID, signature: Hex.encode(checkpoint.signature))
        guard let json = try? JSONEncoder().encode(line) else { return }
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            logger.error("cannot open the audit checkpoint file", metadata: ["path": "\(url.path)", "errno": "\(errno)"])
            return
        }
        defer { close(fd) }
        let bytes = [UInt8](json) + [0x0A]
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
    }

    /// The checkpoints in the file (none when it does not exist). Unreadable lines are errors:
    /// a damaged mirror must be looked at, not skipped.
    public func checkpoints() throws -> [AuditCheckpoint] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return try data.split(separator: 0x0A).enumerated().map { number, line in
            guard let entry = try? JSONDecoder().decode(Line.self, from: Data(line)),
                let mac = Hex.decode(entry.headMAC), let signature = Hex.decode(entry.signature)
            else { throw StoreError(code: .unexpectedResult, message: "\(url.path) line \(number + 1) is not a checkpoint") }
            return AuditCheckpoint(
                recordCount: entry.recordCount, headMAC: mac, timeMicros: entry.timeMicros, keyID: entry.keyID,
                signature: signature)
        }
    }
}
