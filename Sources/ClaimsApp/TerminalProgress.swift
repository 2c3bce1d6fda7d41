import Foundation
import Synchronization

/// The one-line progress `claimsgate validate` shows on a terminal while a large file is judged:
/// redrawn in place (`\r`) at most ten times a second and erased at the end, so the report that
/// follows starts on a clean line. Never drawn into a pipe or a file, where it would be noise.
public final class TerminalProgress: Sendable {
    /// Files smaller than this are judged before a line would be worth drawing.
    public static let minimumFileBytes = 1_000_000

    let label: String
    /// At most one redraw per interval (a terminal is slow, and nobody reads faster).
    let interval: Duration
    let write: @Sendable (String) -> Void
    private let lastDrawn = Mutex<ContinuousClock.Instant?>(nil)

    public init(label: String, interval: Duration = .milliseconds(100), write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.interval = interval
        self.write = write
    }

    /// A progress line on standard error when it is a terminal and the file is large; nil otherwise.
    public static func onStandardError(label: String, fileBytes: Int) -> TerminalProgress? {
        guard fileBytes >= minimumFileBytes, isatty(STDERR_FILENO) != 0 else { return nil }
        return TerminalProgress(label: label) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Draws `done` of `total` transaction sets, unless a line was drawn within the interval (the
    /// last set is always drawn).
    public func update(done: Int, total: Int) {
        let now = ContinuousClock.now
        let due = lastDrawn.withLock { last in
            guard done == total || last.map({ now - $0 >= interval }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return }
        let percent = total == 0 ? 100 : done * 100 / total
        write("\r\(label): \(done)/\(total) transaction sets judged (\(percent)%)\u{1B}[K")
    }

    /// Erases the line.
    public func finish() { write("\r\u{1B}[K") }
}
