import Dispatch

/// Runs blocking work (file I/O, parsing a large file) on a Dispatch queue, off Swift's
/// cooperative pool, which has only as many threads as cores and must never wait on I/O.
enum Blocking {
    static let queue = DispatchQueue(label: "claimsgate.pipeline.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
