import UnixSignals

/// SIGHUP as "re-read the partners file": trapped once registered (so a signal sent after
/// `init` returns is never lost nor fatal), handled until the task running `run` is cancelled.
public struct HangupReload: Sendable {
    private let signals: UnixSignalsSequence

    public init() async { signals = await UnixSignalsSequence(trapping: .sighup) }

    /// Calls `reload` on every SIGHUP; returns when the calling task is cancelled.
    public func run(_ reload: @Sendable () -> Void) async {
        for await _ in signals { reload() }
    }
}
