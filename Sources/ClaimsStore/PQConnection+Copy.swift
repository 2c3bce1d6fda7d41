import CLibPQ

extension PQConnection {
    /// Streams rows written with `CopyBinary` into `COPY ... FROM STDIN WITH (FORMAT binary)` and
    /// returns the number of rows the server stored. The stream's header and trailer are added
    /// here; chunks need not end on row boundaries.
    ///
    /// COPY is the fast path for the bulk tables: one round trip per 64 KiB instead of one per row.
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
        func send(_ chunk: [UInt8]) -> Bool {
            let sent = chunk.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { characters in
                    PQputCopyData(handle, characters.baseAddress, Int32(characters.count))
                }
            }
            if sent != 1 { clientError = connectionError(code: .copyFailed) }
            return sent == 1
        }
        if send(CopyBinary.header) {
            for chunk in chunks where !send(chunk) { break }
        }
        if clientError == nil { _ = send(CopyBinary.trailer) }
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
