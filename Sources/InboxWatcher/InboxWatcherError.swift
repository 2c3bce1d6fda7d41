#if canImport(Glibc)
    import Glibc
#endif

/// Why the watcher could not start or had to stop.
///
/// Problems with single files or partner folders are not errors: they are logged and the watcher
/// goes on. Only a failure of the watcher itself (no inotify instance, a failed `read`) is.
public struct InboxWatcherError: Error, Sendable, CustomStringConvertible {
    /// An extensible error code; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// `start()` or `run()` was called on a watcher that already ran; watchers are not restartable.
        public static let alreadyStarted = Code("alreadyStarted")
        /// The inbox root does not exist and could not be created.
        public static let rootUnavailable = Code("rootUnavailable")
        /// `inotify_init1` failed (often `EMFILE`: `fs.inotify.max_user_instances` reached).
        public static let inotifyUnavailable = Code("inotifyUnavailable")
        /// The socket pair used to wake the reader thread could not be created.
        public static let wakeChannelUnavailable = Code("wakeChannelUnavailable")
        /// `poll` or `read` on the inotify descriptor failed; the reader thread ended.
        public static let readFailed = Code("readFailed")
    }

    public var code: Code
    /// The C `errno`, when a system call failed.
    public var errno: Int32?
    /// What failed, with the system's text for `errno`.
    public var message: String

    public init(code: Code, errno: Int32? = nil, message: String) {
        self.code = code
        self.errno = errno
        self.message = message
    }

    /// An error for the system call that just failed, reading the thread's `errno`.
    static func system(_ code: Code, _ call: String) -> InboxWatcherError {
        let number = Glibc.errno
        return InboxWatcherError(code: code, errno: number, message: "\(call): \(String(cString: strerror(number)))")
    }

    public var description: String { "InboxWatcherError.\(code): \(message)" }
}
