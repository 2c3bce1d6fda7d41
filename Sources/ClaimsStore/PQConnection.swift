import CLibPQ
import Foundation

/// One libpq connection (`PGconn`), in blocking mode.
///
/// Not `Sendable`: libpq connections must not be used from two threads at once, so a connection
/// stays on the thread that opened it. `Database` gives each one a dedicated thread so these
/// blocking calls never run on Swift's cooperative pool; use this type directly only from such a
/// thread (or in a command-line tool).
public final class PQConnection {
    let handle: OpaquePointer
    /// Depth of `transaction { }` nesting; inner levels use savepoints.
    private var transactionDepth = 0

    /// Connects with a libpq connection string or URL (`postgresql:///claimsgate?host=/var/pg`).
    ///
    /// The client encoding is forced to UTF-8 (Swift strings) and `application_name` set so the
    /// gateway's sessions are recognisable in `pg_stat_activity`; settings in `conninfo` for other
    /// keys win.
    public init(conninfo: String) throws {
        let keywords = ["dbname", "client_encoding", "application_name"]
        let values = [conninfo, "UTF8", "claimsgate"]
        let connection: OpaquePointer? = withCStringArray(keywords) { keywordPointers in
            withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw StoreError(code: .connectionFailed, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw StoreError(code: .connectionFailed, message: message)
        }
        handle = connection
    }

    deinit { PQfinish(handle) }

    /// False when the session broke (server restart, network): the owner should open a new one.
    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// True inside a transaction block, including a failed one waiting for ROLLBACK.
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    // MARK: Statements

    /// Runs one statement with `$1`, `$2`… parameters sent separately from the SQL text
    /// (`PQexecParams`, text format), so values are never spliced into SQL.
    ///
    /// `nil` parameters are SQL NULL. Types are inferred by the server; cast in SQL where it cannot
    /// (`$1::text[]`).
    @discardableResult
    public func execute(_ sql: String, parameters: [String?] = []) throws -> QueryResult {
        let result = withOptionalCStringArray(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        return try consume(result)
    }

    /// Runs a query of index probes, one per value of an array parameter, with the JIT off for
    /// it alone. The planner's estimate for such a query grows with the table and the number of
    /// values, and past the JIT's thresholds compiling costs more than the probes: a plain
    /// compile a window at a bench database's size, and 180–250 ms of inlining and optimising
    /// a window for probes of 15–50 ms further on (twelfth session, `auto_explain`).
    public func executeProbes(_ sql: String, parameters: [String?]) throws -> QueryResult {
        try transaction {
            try execute("SET LOCAL jit = off")
            return try execute(sql, parameters: parameters)
        }
    }

    /// Runs a script of several `;`-separated statements without parameters (`PQexec`), as
    /// migrations need. Returns the result of the last statement.
    @discardableResult
    public func executeScript(_ sql: String) throws -> QueryResult {
        try consume(PQexec(handle, sql))
    }

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws.
    ///
    /// Nested calls use savepoints, so a repository function can be transactional on its own and
    /// still compose inside a caller's transaction.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        let savepoint = "claimsgate_sp_\(depth)"
        try execute(depth == 0 ? "BEGIN" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth = depth }
        do {
            let value = try body()
            try execute(depth == 0 ? "COMMIT" : "RELEASE SAVEPOINT \(savepoint)")
            return value
        } catch {
            _ = try? execute(depth == 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT \(savepoint)")
            throw error
        }
    }

    /// Rolls back whatever transaction a failed caller left open, so the next user of this
    /// connection starts clean. Returns false when even that failed (drop the connection).
    func resetTransactionState() -> Bool {
        transactionDepth = 0
        guard isInTransaction else { return true }
        return (try? execute("ROLLBACK")) != nil
    }

    // MARK: Results and errors

    /// Checks a result, copies it and frees it.
    func consume(_ result: OpaquePointer?) throws -> QueryResult {
        guard let result else { throw connectionError() }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return QueryResult(copying: result)
        default:
            throw Self.error(from: result, fallback: connectionError().message)
        }
    }

    /// The connection's current error as a `StoreError` (for failures with no result).
    func connectionError(code: StoreError.Code? = nil) -> StoreError {
        let message = Self.trimmed(PQerrorMessage(handle))
        let healthy = isHealthy
        return StoreError(
            code: code ?? (healthy ? .queryFailed : .connectionFailed),
            message: message.isEmpty ? "libpq reported no message" : message)
    }

    /// A `StoreError` from a failed result: SQLSTATE, primary message and object names only.
    static func error(from result: OpaquePointer, fallback: String) -> StoreError {
        func field(_ code: Character) -> String? {
            guard let pointer = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: pointer)
        }
        let state = field("C")
        var message = field("M") ?? fallback
        let code = state.map(StoreError.code(forSQLState:)) ?? .queryFailed
        if code == .invalidData { message = StoreError.maskingQuotedLiterals(message) }
        return StoreError(
            code: code, sqlState: state, message: message, constraint: field("n"), table: field("t"),
            column: field("c"))
    }

    static func trimmed(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

// MARK: - C string arrays

/// Calls `body` with a NULL-terminated array of C strings that live for the duration of the call.
func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    withOptionalCStringArray(strings.map { Optional($0) } + [nil], body)
}

/// Calls `body` with an array of C strings (NULL for `nil`) that live for the duration of the call,
/// or with a null pointer for an empty array.
func withOptionalCStringArray<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    let duplicated: [UnsafeMutablePointer<CChar>?] = strings.map { string in string.map { strdup($0) } }
    defer { duplicated.forEach { free($0) } }
    let constant = duplicated.map { $0.map { UnsafePointer($0) } }
    return constant.withUnsafeBufferPointer { buffer in body(buffer.isEmpty ? nil : buffer.baseAddress) }
}
