import CLibPQ

/// The rows of one statement, copied out of libpq's `PGresult` as text.
///
/// Copying makes the value `Sendable`, so it can leave the connection's thread, and frees the C
/// result at once. Results here are small (repositories select what they need); bulk input goes
/// through `COPY`, not through this type.
public struct QueryResult: Sendable {
    /// Column names, in select-list order.
    public let columns: [String]
    /// Text values, `nil` for SQL NULL.
    public let rows: [[String?]]
    /// Rows affected by INSERT/UPDATE/DELETE/COPY (`PQcmdTuples`), 0 for other statements.
    public let affectedRows: Int

    public init(columns: [String], rows: [[String?]], affectedRows: Int) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    /// Copies a result that libpq reported as successful. Does not free `result`.
    init(copying result: OpaquePointer) {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        var rows: [[String?]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(values)
        }
        self.rows = rows
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    public var isEmpty: Bool { rows.isEmpty }

    /// The text at `row`, `column` (0-based); `nil` for NULL. Traps when out of range, like an array.
    public func value(_ row: Int, _ column: Int) -> String? { rows[row][column] }

    /// The text at `row` in the column named `name`; `nil` for NULL or an unknown column.
    public func value(_ row: Int, _ name: String) -> String? {
        guard let column = columns.firstIndex(of: name) else { return nil }
        return rows[row][column]
    }

    /// The single value of a one-row, one-column result (`SELECT count(*)`, `RETURNING id`).
    public func scalar() throws -> String? {
        guard rows.count == 1, columns.count == 1 else {
            throw StoreError(
                code: .unexpectedResult, message: "expected one value, got \(rows.count) rows of \(columns.count) columns")
        }
        return rows[0][0]
    }

    /// `scalar()` as a 64-bit integer.
    public func int64() throws -> Int64 {
        guard let text = try scalar(), let value = Int64(text) else {
            throw StoreError(code: .unexpectedResult, message: "expected an integer value")
        }
        return value
    }
}
