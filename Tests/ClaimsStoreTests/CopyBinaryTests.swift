import ClaimsCore
import ClaimsStore
import ClaimsTestSupport
import Testing

/// Every value `CopyBinary` writes goes through the server and comes back as the server spells it:
/// the receive formats are PostgreSQL's, so only the server can say they are right.
@Suite("COPY binary format")
struct CopyBinaryTests {
    @Test func valuesRoundTripThroughTheServer() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let rows = try await db.database.withConnection { connection in
                try connection.execute(
                    """
                    CREATE TABLE t (n int, big bigint, f double precision, s text, b bytea, d date,
                        amount numeric(14, 2), units numeric, codes text[], pointers int[], factors double precision[],
                        doc jsonb)
                    """)
                var copy = CopyBinary()
                copy.row(fields: 12)
                copy.int4(-7)
                copy.int8(1 << 40)
                copy.float8(0.25)
                copy.text("a\tb\\N,é")
                copy.bytea([0x00, 0xAB, 0xFF])
                copy.date(CalendarDate(year: 1999, month: 12, day: 31))
                copy.numeric(Amount(cents: -1_234_567))
                copy.numeric(2.5)
                copy.textArray(["A", "NULL", "b\"c"])
                copy.int4Array([1, 12])
                copy.float8Array([0.5, -1])
                copy.jsonb(#"{"k": [1, "v"]}"#)
                copy.row(fields: 12)
                copy.int4(0)
                copy.int8(0)
                copy.float8(nil)
                copy.text(nil)
                copy.bytea([1, 2])
                copy.date(CalendarDate(year: 2026, month: 2, day: 28))
                copy.numeric(Amount(cents: 5))
                copy.numeric(1e-05)
                copy.textArray([])
                copy.int4Array([])
                copy.float8Array([])
                copy.null()
                // Chunks need not end on row boundaries.
                let stored = try connection.copyIn(
                    "COPY t FROM STDIN WITH (FORMAT binary)",
                    chunks: [Array(copy.bytes.prefix(10)), Array(copy.bytes.dropFirst(10))])
                #expect(stored == 2)
                return try connection.execute(
                    """
                    SELECT n::text, big::text, f::text, s, encode(b, 'hex'), to_char(d, 'YYYY-MM-DD'), amount::text,
                        units::text, codes::text, pointers::text, factors::text, doc::text
                    FROM t ORDER BY n
                    """
                ).rows
            }
            #expect(
                rows[0] == [
                    "-7", "1099511627776", "0.25", "a\tb\\N,é", "00abff", "1999-12-31", "-12345.67", "2.5",
                    #"{A,"NULL","b\"c"}"#, "{1,12}", "{0.5,-1}", #"{"k": [1, "v"]}"#,
                ])
            #expect(rows[1] == ["0", "0", nil, nil, "0102", "2026-02-28", "0.05", "0.00001", "{}", "{}", "{}", nil])
        }
    }

    @Test(arguments: [
        (Int64(0), "0.00"), (1, "0.01"), (100, "1.00"), (10_000, "100.00"), (-100_000_000, "-1000000.00"),
        (999_999_999_999, "9999999999.99"),
    ])
    func amountsKeepTwoDecimals(cents: Int64, expected: String) async throws {
        try await TestDatabase.with(migrated: false) { db in
            let value = try await db.database.withConnection { connection in
                try connection.execute("CREATE TABLE t (amount numeric(14, 2))")
                var copy = CopyBinary()
                copy.row(fields: 1)
                copy.numeric(Amount(cents: cents))
                try connection.copyIn("COPY t FROM STDIN WITH (FORMAT binary)", chunks: [copy.bytes])
                return try connection.execute("SELECT amount::text FROM t").rows[0][0]
            }
            #expect(value == expected)
        }
    }

    @Test func aRowTheServerRefusesFailsTheCopyAndLeavesNothing() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let count = try await db.database.withConnection { connection in
                try connection.execute("CREATE TABLE t (n int NOT NULL)")
                var copy = CopyBinary()
                copy.row(fields: 1)
                copy.int4(1)
                copy.row(fields: 1)
                copy.null()
                #expect(throws: StoreError.self) {
                    try connection.copyIn("COPY t FROM STDIN WITH (FORMAT binary)", chunks: [copy.bytes])
                }
                return try connection.execute("SELECT count(*) FROM t").int64()
            }
            #expect(count == 0)
        }
    }
}
