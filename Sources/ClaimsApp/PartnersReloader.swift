import ClaimsStore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Re-reads `partners.yaml` on SIGHUP and whenever the file changes (checked every second), and
/// installs the new list in the registry.
struct PartnersReloader: Service {
    let registry: PartnerRegistry

    /// Runs until graceful shutdown; does nothing when there is no partners file.
    func run() async throws {
        guard registry.file != nil else { return try await gracefulShutdown() }
        await cancelWhenGracefulShutdown { await watch() }
    }

    func watch() async {
        let registry = registry
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await _ in await UnixSignalsSequence(trapping: .sighup) {
                    _ = try? await onDedicatedThread(name: "partners-reload") { registry.reload(because: "SIGHUP") }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    _ = try? await onDedicatedThread(name: "partners-reload") { registry.reloadIfChanged() }
                }
            }
        }
    }
}
