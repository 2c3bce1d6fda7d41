import Foundation
import Logging

/// One dedicated thread that owns one `PQConnection` and runs jobs on it, one at a time.
///
/// libpq calls block, and Swift's cooperative pool has one thread per core (two here), so a slow
/// query there would stall every task in the process. The connection is opened lazily on this
/// thread and reopened when it broke, so a database restart heals without restarting the gateway.
final class ConnectionWorker: @unchecked Sendable {
    typealias Job = @Sendable (() throws -> PQConnection) -> Void

    private let conninfo: String
    private let logger: Logger
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var jobs: [Job] = []
    private var stopping = false
    // Touched only on the worker thread.
    private var connection: PQConnection?

    init(conninfo: String, name: String, logger: Logger) {
        self.conninfo = conninfo
        self.logger = logger
        let thread = Thread { [self] in self.run() }
        thread.name = name
        thread.start()
    }

    /// Queues a job; it receives a function that returns this thread's (re)opened connection.
    /// After `stop()` the job still runs, at once, but its connection function throws.
    func submit(_ job: @escaping Job) {
        condition.lock()
        if stopping {
            condition.unlock()
            job { throw StoreError(code: .poolShutDown, message: "database pool shut down") }
            return
        }
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread finish queued jobs, close the connection and exit.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                break
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job(openConnection)
            if let connection, !connection.isHealthy || !connection.resetTransactionState() {
                logger.warning("dropping a broken PostgreSQL connection")
                self.connection = nil
            }
        }
        connection = nil
    }

    private func openConnection() throws -> PQConnection {
        if let connection, connection.isHealthy { return connection }
        connection = nil
        let opened = try PQConnection(conninfo: conninfo)
        connection = opened
        return opened
    }
}
