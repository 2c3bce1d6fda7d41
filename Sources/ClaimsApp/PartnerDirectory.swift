import ClaimsPipeline
import Foundation
import Logging
import Synchronization

/// The partners' current settings, re-read from `partners.yaml` when the file changes (checked
/// when a file is taken, so a changed threshold applies to the next file) or on demand (SIGHUP).
///
/// A file that fails to parse keeps the previous settings: a typo must not stop the gateway.
public final class PartnerDirectory: Sendable {
    private struct State {
        var partners: [PartnerConfiguration]
        var stamp: FileStamp?
    }

    /// Modification time and size: enough to notice an edit or a replacement by rename.
    struct FileStamp: Equatable {
        var modified: Date
        var size: Int
        var inode: Int
    }

    public let file: URL?
    private let logger: Logger
    private let state: Mutex<State>

    public init(partners: [PartnerConfiguration], file: URL?, logger: Logger) {
        self.file = file
        self.logger = logger
        state = Mutex(State(partners: partners, stamp: file.flatMap(Self.stamp)))
    }

    /// The partner's settings, after re-reading the file if it changed.
    public func partner(_ id: String) -> PartnerConfiguration? {
        reloadIfChanged()
        return state.withLock { $0.partners.first { $0.id == id } }
    }

    /// Re-reads the file when its stamp differs from the one last read.
    public func reloadIfChanged() {
        guard let file else { return }
        let current = Self.stamp(file)
        guard state.withLock({ $0.stamp != current }) else { return }
        reload(stamp: current)
    }

    /// Re-reads the file unconditionally.
    public func reload() {
        guard let file else { return }
        reload(stamp: Self.stamp(file))
    }

    private func reload(stamp: FileStamp?) {
        guard let file else { return }
        do {
            let partners = try ConfigurationLoader.loadPartners(file)
            state.withLock { $0 = State(partners: partners, stamp: stamp) }
            logger.info("partners reloaded", metadata: ["config.file": "\(file.path)", "partners": "\(partners.count)"])
        } catch {
            state.withLock { $0.stamp = stamp }
            logger.error("partners file not reloaded; keeping the previous settings", metadata: ["error": "\(error)"])
        }
    }

    static func stamp(_ url: URL) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return FileStamp(
            modified: modified, size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
            inode: (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? 0)
    }
}
