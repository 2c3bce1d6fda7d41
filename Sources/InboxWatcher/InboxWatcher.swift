import Logging

/// Reports complete files dropped into `<root>/<partner>/`, using Linux inotify.
///
/// The watcher is the single door into the pipeline (see DESIGN.md): the SFTP server and admins
/// drop files into partner folders, and every complete file comes out of ``files`` once the
/// watcher is started with ``start()`` or ``run()``.
///
/// - **Complete files only.** A file is reported when its writer closes it (`IN_CLOSE_WRITE`) or
///   it is renamed into the folder (`IN_MOVED_TO`). Hidden names and upload suffixes
///   (``Configuration/ignoredSuffixes``) are ignored until renamed to a final name. Directories,
///   devices, sockets and symlinks are never reported (symlinks are logged).
/// - **Nothing is lost.** On start, files already present are reported first (they were dropped
///   while the gateway was down), then live events. If the kernel's event queue overflows, all
///   folders are rescanned. The stream never drops: when the consumer is behind, the reader
///   thread blocks and the kernel queues events (see ``Configuration/bufferCapacity``).
/// - **Duplicates happen.** The same file can be reported more than once: a file completed while
///   a folder is being (re)scanned, a rescan after an overflow, a file closed after writing twice,
///   a partner removed and added again. The consumer must be idempotent (the pipeline registers
///   files by content hash). Duplicates within one batch of events are folded.
/// - **Threads.** Blocking calls run on one dedicated thread, never on Swift's cooperative pool;
///   it waits in `poll` on the inotify descriptor and a wake socket, so ``stop()`` ends it promptly.
/// - **Partner folders** are created if missing (0750) and never followed through a symlink: a
///   partner whose folder is a symlink is logged and not watched.
///
/// One watcher runs once; create a new one to start again.
public final class InboxWatcher: Sendable {
    /// The files found, in the order found. Iterate from one task. See ``InboxFiles``.
    public let files: InboxFiles
    let core: WatcherCore

    /// Creates a watcher. Nothing happens (no descriptor, no thread) until ``start()`` or ``run()``.
    public init(configuration: Configuration, logger: Logger) {
        core = WatcherCore(configuration: configuration, logger: logger)
        files = InboxFiles(channel: core.channel)
        core.channel.setOnTermination { [weak core] in core?.stop() }
    }

    /// Starts the reader thread, which scans the partner folders and then reports live events
    /// into ``files``. Returns at once.
    ///
    /// - Throws: ``InboxWatcherError`` when the root cannot be created, inotify is unavailable,
    ///   or the watcher was already started or stopped. Problems with one partner folder are
    ///   logged and do not throw.
    public func start() throws {
        try core.start()
    }

    /// Replaces the set of watched partners, for partner configuration reloaded without restart.
    /// Added partners' folders are created, watched and scanned; removed ones are no longer
    /// watched (their files stay where they are). Also retries partners whose folder was lost.
    /// Safe to call from any thread, before or after start.
    public func update(partners: Set<String>) {
        core.update(partners: partners)
    }

    /// Stops the reader thread and ends ``files`` after the files already buffered (those still
    /// sit in the inbox and are found again by the next start). Idempotent; returns at once.
    public func stop() {
        core.stop()
    }

    /// Starts the watcher if needed and runs until the task is cancelled or ``stop()`` is called,
    /// returning once the reader thread has ended and closed its descriptors. Fits the `run()` of
    /// a swift-service-lifecycle `Service`, with ``files`` consumed in a sibling task.
    ///
    /// - Throws: ``InboxWatcherError`` if it could not start or the reader thread failed.
    public func run() async throws {
        do {
            try core.start()
        } catch let error as InboxWatcherError where error.code == .alreadyStarted {
            // Started with start() before, or stopped: wait for that run to end.
        }
        let error = await withTaskCancellationHandler {
            await core.waitForExit()
        } onCancel: {
            core.stop()
        }
        if let error { throw error }
    }

    /// Returns once the reader thread has ended (after ``stop()``, cancellation of ``run()``,
    /// termination of ``files``, or a failure), yielding the failure if there was one.
    func waitUntilStopped() async -> InboxWatcherError? {
        await core.waitForExit()
    }
}
