import Foundation

/// Runs blocking work (libssh start and stop, file reads) on a thread of its own, off Swift's
/// cooperative pool, and awaits its result.
enum DedicatedThread {
    static func run<T: Sendable>(_ name: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = name
            thread.start()
        }
    }
}
