import CLibSSH
import Foundation
import Glibc
import Logging
import Synchronization

/// The SFTP endpoint: a listening socket, an accept thread, one thread per connection (each owning
/// its libssh session), and a watchdog for the login and idle deadlines. Nothing here runs on
/// Swift's cooperative pool; `start` returns at once and `stop` blocks until the threads are done,
/// so async callers run it on a thread of their own.
public final class SFTPServer: Sendable {
    public let configuration: SFTPConfiguration
    public let accounts: AccountDirectory
    public let metrics: SFTPMetrics
    let inspector: any UploadInspector
    let audit: any SFTPAuditSink
    let logger: Logger
    private let running = Mutex<Running?>(nil)

    /// What exists only while the server runs.
    private struct Running: @unchecked Sendable {
        // @unchecked: `bind` is used by the accept thread only, and freed after it has exited.
        let listener: SFTPListener
        let bind: ssh_bind
        let context: ServerContext
        let acceptDone: DispatchSemaphore
        let watchdogStop: DispatchSemaphore
        let watchdogDone: DispatchSemaphore
    }

    public init(
        configuration: SFTPConfiguration, accounts: AccountDirectory, inspector: any UploadInspector,
        audit: any SFTPAuditSink, metrics: SFTPMetrics = SFTPMetrics(), logger: Logger
    ) {
        self.configuration = configuration
        self.accounts = accounts
        self.inspector = inspector
        self.audit = audit
        self.metrics = metrics
        self.logger = logger
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Prepares the host key and folders, listens, and starts the threads. Returns the bound port
    /// (the configured one, or the one the system chose for port 0).
    public func start() throws -> Int {
        ssh_init()
        let key = try HostKey.prepare(at: configuration.hostKey)
        logger.info(
            key.generated ? "sftp host key generated" : "sftp host key loaded",
            metadata: ["sftp.host_key": "\(configuration.hostKey.path)", "sftp.fingerprint": "\(key.fingerprint)"])
        let inboxRoot = try Self.openRoot(configuration.inboxRoot)
        let outboxRoot = try Self.openRoot(configuration.outboxRoot)
        let swept = PartialUploadSweep.run(inboxRoot: inboxRoot, maximumAge: configuration.partialUploadMaximumAge)
        for (partner, count) in swept.sorted(by: { $0.key < $1.key }) {
            logger.notice(
                "sftp removed abandoned partial uploads", metadata: ["partner.id": "\(partner)", "sftp.files": "\(count)"])
        }
        let listener = try SFTPListener(address: configuration.address, port: configuration.port)
        guard let bind = ssh_bind_new() else { throw Failure(description: "libssh could not create a server") }
        cg_bind_set_bool(bind, SSH_BIND_OPTIONS_PROCESS_CONFIG, 0)
        cg_bind_set_int(bind, SSH_BIND_OPTIONS_LOG_VERBOSITY, 0)
        guard cg_bind_set_string(bind, SSH_BIND_OPTIONS_HOSTKEY, configuration.hostKey.path) == SSH_OK else {
            ssh_bind_free(bind)
            throw Failure(description: "libssh could not load the host key")
        }
        let context = ServerContext(
            configuration: configuration, accounts: accounts, guardian: BruteForceGuard(policy: configuration.banPolicy),
            registry: SessionRegistry(limits: configuration), metrics: metrics, audit: audit, inspector: inspector,
            inboxRoot: inboxRoot, outboxRoot: outboxRoot, logger: logger)
        let state = Running(
            listener: listener, bind: bind, context: context, acceptDone: DispatchSemaphore(value: 0),
            watchdogStop: DispatchSemaphore(value: 0), watchdogDone: DispatchSemaphore(value: 0))
        running.withLock { $0 = state }
        Self.spawn(name: "sftp-accept") { Self.acceptLoop(state) }
        Self.spawn(name: "sftp-watchdog") { Self.watchdog(state) }
        logger.info(
            "sftp listening", metadata: ["sftp.address": "\(configuration.address)", "sftp.port": "\(listener.port)"])
        return listener.port
    }

    /// Stops accepting, cuts every connection, waits for all threads, frees libssh. Blocking.
    public func stop() {
        guard let state = running.withLock({ state in defer { state = nil }; return state }) else { return }
        state.listener.wake()
        state.acceptDone.wait()
        state.context.registry.closeAll(timeout: .seconds(10))
        state.watchdogStop.signal()
        state.watchdogDone.wait()
        ssh_bind_free(state.bind)
        Glibc.close(state.context.inboxRoot)
        Glibc.close(state.context.outboxRoot)
        logger.info("sftp stopped")
    }

    private static func acceptLoop(_ state: Running) {
        defer { state.acceptDone.signal() }
        let context = state.context
        while let (socket, address) = state.listener.accept() {
            guard !context.guardian.isBanned(address), let record = context.registry.admit(socket: socket, address: address)
            else {
                Glibc.close(socket)
                context.metrics.add(.sessionsRefused)
                continue
            }
            guard let session = ssh_new() else {
                Glibc.close(socket)
                context.registry.release(record)
                continue
            }
            guard ssh_bind_accept_fd(state.bind, session, socket) == SSH_OK else {
                record.retire()
                ssh_free(session)
                Glibc.close(socket)
                context.registry.release(record)
                continue
            }
            context.metrics.add(.sessionsAccepted)
            context.metrics.add(.sessionsActive)
            let handoff = Handoff(session: session)
            spawn(name: "sftp-session") {
                let connection = SSHConnection(session: handoff.session, record: record, context: context)
                connection.run()
                record.retire()
                withExtendedLifetime(connection) {}
                context.registry.release(record)
                context.metrics.add(.sessionsActive, -1)
            }
        }
    }

    private static func watchdog(_ state: Running) {
        defer { state.watchdogDone.signal() }
        while state.watchdogStop.wait(timeout: .now() + .milliseconds(250)) == .timedOut {
            state.context.registry.enforceDeadlines()
        }
    }

    /// A freshly accepted libssh session, moved once from the accept thread to its own thread.
    private struct Handoff: @unchecked Sendable {
        let session: ssh_session
    }

    private static func spawn(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    private static func openRoot(_ url: URL) throws -> Int32 {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let descriptor = Glibc.open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(url.path)") }
        return descriptor
    }
}
