import ClaimsPipeline
import Foundation
import Logging
import SFTPGateway
import Synchronization

/// The current partner list, shared by the pipeline and the SFTP endpoint, replaced whole when
/// `partners.yaml` is reloaded (SIGHUP or a change of the file) so edits need no restart.
public final class PartnerRegistry: Sendable {
    private let partners: Mutex<[PartnerConfiguration]>
    /// What the SFTP server authenticates against, rebuilt from the partners on every reload.
    public let accounts: AccountDirectory
    private let logger: Logger
    private let observers = Mutex<[@Sendable ([PartnerConfiguration]) -> Void]>([])

    public init(_ partners: [PartnerConfiguration], logger: Logger) {
        self.partners = Mutex(partners)
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
