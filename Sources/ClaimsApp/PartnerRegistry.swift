import AuditLog
import ClaimsPipeline
import Foundation
import Logging
import SFTPGateway
import Synchronization

/// The current partner list, shared by the pipeline and the SFTP endpoint, replaced whole when
/// `partners.yaml` is reloaded (SIGHUP, a change of the file noticed by the reloader, or checked
/// before each file is taken) so edits need no restart. A file that fails to parse keeps the
/// current partners: a typo must not stop the gateway.
public final class PartnerRegistry: Sendable {
    private let partners: Mutex<[PartnerConfiguration]>
    /// The partners file and the fingerprint of the version installed (locked while a version
    /// is read and installed).
    public let file: URL?
    private let installed: Mutex<FileFingerprint?>
    /// What the SFTP server authenticates against, rebuilt from the partners on every reload.
    public let accounts: AccountDirectory
    private let logger: Logger
    /// Where reloads are audited (partner changes are configuration changes).
    private let audit: any AuditRecorder
    private let observers = Mutex<[@Sendable ([PartnerConfiguration]) -> Void]>([])

    public init(
        _ partners: [PartnerConfiguration], file: URL? = nil, logger: Logger,
        audit: any AuditRecorder = DisabledAuditRecorder()
    ) {
        self.partners = Mutex(partners)
        self.file = file
        self.audit = audit
        installed = Mutex(file.flatMap(FileFingerprint.init))
        self.logger = logger
        accounts = AccountDirectory()
        accounts.replace(with: Self.accounts(for: partners, logger: logger))
    }

    public func partner(_ id: String) -> PartnerConfiguration? {
        partners.withLock { list in list.first { $0.id == id } }
    }

    public var all: [PartnerConfiguration] { partners.withLock { $0 } }

    /// Installs a newly read partner list.
    public func replace(with list: [PartnerConfiguration]) {
        partners.withLock { $0 = list }
        accounts.replace(with: Self.accounts(for: list, logger: logger))
        for observer in observers.withLock({ $0 }) { observer(list) }
    }

    /// Re-reads the file when it differs from the version installed (cheap: one stat).
    public func reloadIfChanged() {
        guard let file else { return }
        installed.withLock { installed in
            let current = FileFingerprint(file)
            guard installed != current else { return }
            installed = current
            load(file, because: "file changed")
        }
    }

    /// Re-reads the file unconditionally (SIGHUP).
    public func reload(because reason: String) {
        guard let file else { return }
        installed.withLock { installed in
            installed = FileFingerprint(file)
            load(file, because: reason)
        }
    }

    /// Reads and installs the file. Called with `installed` locked, so a caller that finds the
    /// version current also finds its partners installed, not still being read by another thread.
    private func load(_ file: URL, because reason: String) {
        let object = "config:\(file.lastPathComponent)"
        do {
            let list = try ConfigurationLoader.loadPartners(file)
            let change = PartnerChange(from: all, to: list)
            replace(with: list)
            logger.info("partners reloaded", metadata: ["reload.reason": "\(reason)", "partners": "\(list.count)"])
            audit.record(
                action: "partners.reloaded", actor: "system:gateway", object: object, outcome: .success,
                details: change.details.merging(["reason": reason]) { first, _ in first })
        } catch {
            logger.error("partners file not reloaded; keeping the current partners", metadata: ["error": "\(error)"])
            audit.record(
                action: "partners.reloaded", actor: "system:gateway", object: object, outcome: .failure,
                details: ["reason": reason, "error": "the file does not parse; the current partners stay"])
        }
    }

    /// Calls `observer` with every partner list installed from now on (the inbox watcher follows
    /// added and removed partners this way).
    public func onReplace(_ observer: @escaping @Sendable ([PartnerConfiguration]) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// SFTP accounts for the partners; a key or hash that does not parse is left out and logged
    /// (by partner and position, never by content).
    static func accounts(for partners: [PartnerConfiguration], logger: Logger) -> [SFTPAccount] {
        partners.map { partner in
            var keys: [AuthorizedKey] = []
            for (index, line) in partner.authorizedKeys.enumerated() {
                do {
                    keys.append(try AuthorizedKey(line: line))
                } catch {
                    logger.warning(
                        "authorized key ignored", metadata: ["partner.id": "\(partner.id)", "key.index": "\(index)", "error": "\(error)"])
                }
            }
            var password: PasswordHash?
            if let encoded = partner.passwordHash {
                do {
                    password = try PasswordHash(encoded: encoded)
                } catch {
                    logger.warning("password hash ignored", metadata: ["partner.id": "\(partner.id)", "error": "\(error)"])
                }
            }
            return SFTPAccount(user: partner.id, authorizedKeys: keys, password: password, maxFileSize: partner.maxFileSize)
        }
    }
}

/// Identity, size and modification time of a file: enough to notice an edit or a replacement by
/// rename without reading it.
struct FileFingerprint: Equatable, Sendable {
    var inode: UInt64
    var size: Int64
    var modified: Int
    var modifiedNanoseconds: Int

    init?(_ url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim.tv_sec
        modifiedNanoseconds = info.st_mtim.tv_nsec
    }
}

/// Which partners a reload added, removed or changed, for the audit record (ids only: the
/// settings themselves hold key material and password hashes).
struct PartnerChange {
    var added: [String]
    var removed: [String]
    var changed: [String]

    init(from old: [PartnerConfiguration], to new: [PartnerConfiguration]) {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        added = after.keys.filter { before[$0] == nil }.sorted()
        removed = before.keys.filter { after[$0] == nil }.sorted()
        changed = after.filter { id, partner in before[id].map { $0 != partner } ?? false }.keys.sorted()
    }

    var details: [String: String] {
        ["added": added.joined(separator: ","), "removed": removed.joined(separator: ","), "changed": changed.joined(separator: ",")]
    }
}
