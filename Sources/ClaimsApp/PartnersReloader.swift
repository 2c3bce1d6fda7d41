import Foundation
import Logging
import UnixSignals

/// Re-reads `partners.yaml` on SIGHUP and whenever the file changes (checked every second by
/// identity, size and modification time), and installs the new list. A file that fails to parse
/// leaves the current partners in place.
struct PartnersReloader: Sendable {
    let file: URL
    let registry: PartnerRegistry
    let logger: Logger

    /// Runs until cancelled.
    func run() async {
        let initial = fingerprint()
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await _ in await UnixSignalsSequence(trapping: .sighup) {
                    await reload(because: "SIGHUP")
                }
            }
            group.addTask {
                var seen = initial
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    let current = fingerprint()
                    if current != seen {
                        seen = current
                        await reload(because: "file changed")
                    }
                }
            }
        }
    }

    func reload(because reason: String) async {
        let file = file
        do {
            let partners = try await DedicatedThread.run("partners-reload") { try ConfigurationLoader.loadPartners(file) }
            registry.replace(with: partners)
            logger.info("partners reloaded", metadata: ["reload.reason": "\(reason)", "partners": "\(partners.count)"])
        } catch {
            logger.error("partners file not reloaded; keeping the current partners", metadata: ["error": "\(error)"])
        }
    }

    struct Fingerprint: Equatable {
        var inode: UInt64
        var size: Int64
        var modified: Int
        var modifiedNanoseconds: Int
    }

    func fingerprint() -> Fingerprint? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        return Fingerprint(
            inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: info.st_mtim.tv_sec,
            modifiedNanoseconds: info.st_mtim.tv_nsec)
    }
}
