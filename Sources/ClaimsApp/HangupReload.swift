import Dispatch
import Foundation

/// Calls `reload` on every SIGHUP, on a Dispatch queue of its own (never the cooperative pool),
/// until cancelled.
public final class HangupReload {
    private let source: any DispatchSourceSignal

    public init(_ reload: @escaping @Sendable () -> Void) {
        // The default action of SIGHUP ends the process; the source only sees it once ignored.
        signal(SIGHUP, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "claimsgate.sighup"))
        source.setEventHandler(handler: reload)
        source.resume()
    }

    public func cancel() { source.cancel() }
}
