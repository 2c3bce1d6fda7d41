import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The state shared by the public ``InboxWatcher`` handle and its reader thread.
///
/// The reader thread holds this, not the watcher, so releasing the watcher and its
/// ``InboxFiles`` can still stop the thread. Commands (stop, a new partner set) are written here
/// under the lock and announced by one byte on the wake socket; the thread reads them when `poll`
/// returns. The wake socket's write end lives in the locked state and is closed by the exiting
/// thread under the same lock, so nobody writes to a closed (or reused) descriptor.
final class WatcherCore: Sendable {
    enum Phase {
        case idle
        case running(wakeWriter: Int32)
        case exited(InboxWatcherError?)
    }

    struct State {
        var phase = Phase.idle
        var partners: Set<String>
        var stopRequested = false
        var exitWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// What the reader thread should do next, read after each wake-up.
    struct Commands {
        var stop: Bool
        var partners: Set<String>
    }

    let configuration: InboxWatcher.Configuration
    let logger: Logger
    let channel: FileChannel
    private let state: Mutex<State>

    init(configuration: InboxWatcher.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        channel = FileChannel(capacity: configuration.bufferCapacity)
        state = Mutex(State(partners: configuration.partners))
    }

    // MARK: Called from any thread

    /// Creates the inotify instance and wake socket and starts the reader thread.
    func start() throws {
        do {
            try FileManager.default.createDirectory(
                at: configuration.root,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: Int(configuration.folderPermissions)]
            )
        } catch {
            throw InboxWatcherError(code: .rootUnavailable, message: "\(configuration.root.path): \(error)")
        }
        try state.withLock { state in
            guard case .idle = state.phase, !state.stopRequested else {
                throw InboxWatcherError(code: .alreadyStarted, message: "an InboxWatcher runs once")
            }
            let inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard inotify >= 0 else { throw InboxWatcherError.system(.inotifyUnavailable, "inotify_init1") }
            var pair: [Int32] = [-1, -1]
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
            guard socketpair(AF_UNIX, type, 0, &pair) == 0 else {
                let error = InboxWatcherError.system(.wakeChannelUnavailable, "socketpair")
                close(inotify)
                throw error
            }
            state.phase = .running(wakeWriter: pair[1])
            let wakeReader = pair[0]
            let thread = Thread { [self] in
                let error = InboxReader.run(core: self, inotify: inotify, wakeReader: wakeReader)
                didExit(error)
            }
            thread.name = "claimsgate.inbox-watcher"
            thread.start()
        }
    }

    /// Asks the reader thread to stop and ends the stream (after the files already buffered).
    func stop() {
        let waiters: [CheckedContinuation<Void, Never>] = state.withLock { state in
            state.stopRequested = true
            switch state.phase {
            case .running(let wakeWriter):
                Self.wake(wakeWriter)
                return []
            case .idle:
                state.phase = .exited(nil)
                defer { state.exitWaiters = [] }
                return state.exitWaiters
            case .exited:
                return []
            }
        }
        channel.finish()
        for waiter in waiters { waiter.resume() }
    }

    func update(partners: Set<String>) {
        state.withLock { state in
            state.partners = partners
            if case .running(let wakeWriter) = state.phase { Self.wake(wakeWriter) }
        }
    }

    /// Returns once the reader thread has closed its descriptors and ended (or was never started
    /// and `stop()` was called). Yields the error that ended it, if any.
    func waitForExit() async -> InboxWatcherError? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if case .exited = state.phase { return true }
                state.exitWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        return state.withLock { state in
            if case .exited(let error) = state.phase { return error }
            return nil
        }
    }

    var hasExited: Bool {
        state.withLock { state in
            if case .exited = state.phase { return true }
            return false
        }
    }

    // MARK: Called from the reader thread

    func commands() -> Commands {
        state.withLock { Commands(stop: $0.stopRequested, partners: $0.partners) }
    }

    private func didExit(_ error: InboxWatcherError?) {
        let waiters: [CheckedContinuation<Void, Never>] = state.withLock { state in
            if case .running(let wakeWriter) = state.phase { close(wakeWriter) }
            state.phase = .exited(error)
            defer { state.exitWaiters = [] }
            return state.exitWaiters
        }
        channel.finish()
        for waiter in waiters { waiter.resume() }
    }

    /// One byte makes the wake socket readable. `EAGAIN` (socket full) means a wake-up is already
    /// pending, which is all we need. Only called under the state lock while running. Sent
    /// without the broken pipe's signal: the reader thread may have closed its end on its way
    /// out, and `write` then ended the process (a test run died on signal 13).
    private static func wake(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = send(fd, &byte, 1, Int32(MSG_NOSIGNAL))
    }
}
