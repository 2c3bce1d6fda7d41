import CLibPQ

extension PQConnection {
    /// Runs a query asking for binary results (`PQexecParams` result format 1) and returns each
    /// value's raw bytes, `nil` for NULL.
    ///
    /// For bulk reads of `bytea` (the audit trail): no hex encoding on the server, no `String`
    /// per value and no hex decoding here. Integers come as big-endian bytes (`int64(_:)`).
    func binaryRows(_ sql: String, parameters: [String?] = []) throws -> [[[UInt8]?]] {
        let result = withOptionalCStringArray(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 1)
        }
        guard let result else { throw connectionError() }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else {
            throw Self.error(from: result, fallback: connectionError().message)
        }
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var rows: [[[UInt8]?]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<Int32(rowCount) {
            var values: [[UInt8]?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(nil)
                    continue
                }
                let length = Int(PQgetlength(result, row, column))
                let pointer = UnsafeRawPointer(PQgetvalue(result, row, column)!)
                values.append(Array(UnsafeRawBufferPointer(start: pointer, count: length)))
            }
            rows.append(values)
        }
        return rows
    }

    /// A big-endian binary `bigint` value.
    static func int64(_ bytes: [UInt8]?) -> Int64? {
        guard let bytes, bytes.count == 8 else { return nil }
        return Int64(bitPattern: bytes.reduce(0) { $0 << 8 | UInt64($1) })
    }
}
