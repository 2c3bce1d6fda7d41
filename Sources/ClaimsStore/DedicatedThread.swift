import Foundation

/// Runs blocking work (child processes, libpq outside the pool, libssh start and stop) on a fresh thread and awaits it,
/// so the cooperative pool is never blocked.
public func onDedicatedThread<T: Sendable>(
    name: String, _ body: @escaping @Sendable () throws -> T
) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.name = name
        thread.start()
    }
}
