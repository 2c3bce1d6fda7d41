import Foundation

/// Wall-clock time per step of one file's processing, for the `file processed` log line and the
/// benchmark's stage shares: where a slow file spent its time is the first thing an operator asks.
public struct StageClock: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    public init() { last = clock.now }

    /// Closes the current stage under `name` and starts the next. A stage lapped again (once per
    /// window of a large file) adds up, keeping the place of its first lap.
    public mutating func lap(_ name: String) {
        let now = clock.now
        let seconds = (now - last).seconds
        if let index = stages.firstIndex(where: { $0.name == name }) {
            stages[index].seconds += seconds
        } else {
            stages.append((name, seconds))
        }
        last = now
    }

    /// `receive=0.012 assess=1.234 …` (seconds), the form the log line and `claimsgate bench` read.
    public var summary: String {
        stages.map { "\($0.name)=\(String(format: "%.3f", $0.seconds))" }.joined(separator: " ")
    }
}

extension Duration {
    /// The duration in seconds, as a `Double` (for logs and reports).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
