import CLibPQ

extension PQConnection {
    /// Streams rows into `COPY <table> (<columns>) FROM STDIN` (text format) and returns the number
    /// of rows the server stored.
    ///
    /// COPY is the fast path for claims and service lines: one round trip per 64 KiB instead of one
    /// per row. Each row must list values in the statement's column order; `nil` is NULL. Values
    /// are escaped here (`CopyText`), so tabs, newlines and backslashes round-trip.
    @discardableResult
    public func copyIn<Rows: Sequence>(_ sql: String, rows: Rows) throws -> Int where Rows.Element == [String?] {
        try copyIn(sql, chunks: CopyText.chunks(of: rows) { text, row in text.row(row) })
    }

    /// Streams COPY text (written with `CopyText`) into `COPY ... FROM STDIN`. Chunks need not end
    /// on row boundaries.
    @discardableResult
    public func copyIn<Chunks: Sequence>(_ sql: String, chunks: Chunks) throws -> Int
    where Chunks.Element == [UInt8] {
        guard let start = PQexec(handle, sql) else { throw connectionError() }
        let startStatus = PQresultStatus(start)
        if startStatus != PGRES_COPY_IN {
            defer { PQclear(start) }
            throw Self.error(from: start, fallback: "COPY did not enter COPY IN state")
        }
        PQclear(start)

        var clientError: StoreError?
        for chunk in chunks {
            let sent = chunk.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { characters in
                    PQputCopyData(handle, characters.baseAddress, Int32(characters.count))
                }
            }
            if sent != 1 {
                clientError = connectionError(code: .copyFailed)
                break
            }
        }
        // Ending with an error message makes the server abort the COPY (and its transaction).
        let ended = clientError == nil ? PQputCopyEnd(handle, nil) : PQputCopyEnd(handle, "client aborted COPY")
        if ended != 1 && clientError == nil { clientError = connectionError(code: .copyFailed) }

        var serverResult: Result<QueryResult, any Error> = .success(QueryResult(columns: [], rows: [], affectedRows: 0))
        while let result = PQgetResult(handle) {
            if case .success = serverResult { serverResult = Result { try consume(result) } } else { PQclear(result) }
        }
        if let clientError { throw clientError }
        return try serverResult.get().affectedRows
    }
}
