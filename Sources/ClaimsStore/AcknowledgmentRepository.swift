/// The kind of an outgoing acknowledgment.
public enum AcknowledgmentKind: String, Sendable, CaseIterable, Codable {
    case ta1 = "TA1"
    case implementation999 = "999"
    case claimAcknowledgment277CA = "277CA"
}

/// One acknowledgment the gateway wrote for a file.
public struct AcknowledgmentRecord: Sendable, Equatable {
    public var id: Int64
    public var fileID: Int64
    public var kind: AcknowledgmentKind
    /// The outbox file name (not a path).
    public var fileName: String
    /// ISA13 of the acknowledgment's interchange.
    public var interchangeControlNumber: String
}

/// The `acknowledgments` table: which acks were issued for which file, so a resumed file does not
/// get a second set.
public struct AcknowledgmentRepository: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    /// Records an acknowledgment written to the outbox. Idempotent: recording the same file, kind
    /// and file name again returns the existing row unchanged.
    @discardableResult
    public func recordAcknowledgment(
        fileID: Int64, kind: AcknowledgmentKind, fileName: String, interchangeControlNumber: String
    ) async throws -> AcknowledgmentRecord {
        try await database.withConnection { connection in
            try connection.transaction {
                let parameters = [String(fileID), kind.rawValue, fileName, interchangeControlNumber]
                try connection.execute(
                    """
                    INSERT INTO acknowledgments (file_id, kind, file_name, interchange_control_number)
                    VALUES ($1, $2, $3, $4) ON CONFLICT (file_id, kind, file_name) DO NOTHING
                    """,
                    parameters: parameters)
                let row = try connection.execute(
                    """
                    SELECT id, file_id, kind, file_name, interchange_control_number FROM acknowledgments
                    WHERE file_id = $1 AND kind = $2 AND file_name = $3
                    """,
                    parameters: Array(parameters.prefix(3)))
                guard let first = row.rows.first else {
                    throw StoreError(code: .unexpectedResult, message: "acknowledgment row missing after insert")
                }
                return try AcknowledgmentRecord(row: first)
            }
        }
    }

    /// The acknowledgments issued for a file, oldest first.
    public func acknowledgments(fileID: Int64) async throws -> [AcknowledgmentRecord] {
        try await database.withConnection { connection in
            try connection.execute(
                """
                SELECT id, file_id, kind, file_name, interchange_control_number FROM acknowledgments
                WHERE file_id = $1 ORDER BY id
                """,
                parameters: [String(fileID)]
            ).rows.map(AcknowledgmentRecord.init(row:))
        }
    }
}

extension AcknowledgmentRecord {
    init(row: [String?]) throws {
        guard let id = row[0].flatMap({ Int64($0) }), let fileID = row[1].flatMap({ Int64($0) }),
            let kind = row[2].flatMap(AcknowledgmentKind.init(rawValue:)), let fileName = row[3],
            let interchange = row[4]
        else { throw StoreError(code: .unexpectedResult, message: "acknowledgments row does not decode") }
        self.init(id: id, fileID: fileID, kind: kind, fileName: fileName, interchangeControlNumber: interchange)
    }
}
