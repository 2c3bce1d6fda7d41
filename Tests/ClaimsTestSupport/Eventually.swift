import Foundation

/// Waits until `condition` holds, checking every few milliseconds, and fails after `timeout`.
///
/// This is synchronisation on an observable condition with a deadline (the file appeared, the row
/// was committed), not a sleep that hopes the work is done.
public func waitUntil(
    _ description: @autoclosure () -> String, timeout: Duration = .seconds(30),
    condition: () async throws -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while !(try await condition()) {
        guard clock.now < deadline else { throw WaitTimeout(description: description(), timeout: timeout) }
        try await Task.sleep(for: .milliseconds(20))
    }
}

public struct WaitTimeout: Error, CustomStringConvertible {
    public var description: String

    init(description: String, timeout: Duration) {
        self.description = "timed out after \(timeout) waiting for \(description)"
    }
}
