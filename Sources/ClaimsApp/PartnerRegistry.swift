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
    /// The partners file and the fingerprint of the version installed.
    public let file: URL?
    private let installed: Mutex<FileFingerprint?>
    /// What the SFTP server authenticates against, rebuilt from the partners on every reload.
    public let accounts: AccountDirectory
    private let logger: Logger
    private let observers = Mutex<[@Sendable ([PartnerConfiguration]) -> Void]>([])

    public init(_ partners: [PartnerConfiguration], file: URL? = nil, logger: Logger) {
        self.partners = Mutex(partners)
        self.file = file
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
        let current = FileFingerprint(file)
        guard installed.withLock({ $0 != current }) else { return }
        reload(because: "file changed", fingerprint: current)
    }

    /// Re-reads the file unconditionally (SIGHUP).
    public func reload(because reason: String) {
        guard let file else { return }
        reload(because: reason, fingerprint: FileFingerprint(file))
    }

    private func reload(because reason: String, fingerprint: FileFingerprint?) {
        guard let file else { return }
        installed.withLock { $0 = fingerprint }
        do {
            let list = try ConfigurationLoader.loadPartners(file)
            replace(with: list)
            logger.info("partners reloaded", metadata: ["reload.reason": "\(reason)", "partners": "\(list.count)"])
        } catch {
            logger.error("partners file not reloaded; keeping the current partners", metadata: ["error": "\(error)"])
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
