import Foundation

/// One row of `files`: a received file and where it is in its life.
public struct FileRecord: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var partner: String
    public var channel: FileChannel
    /// The name the partner gave it (not a path). File names are chosen by partners: don't assume
    /// they are free of PHI when logging; prefer `id`.
    public var originalName: String
    /// Lowercase hex SHA-256 of the bytes.
    public var sha256: String
    public var sizeBytes: Int64
    public var state: FileState
    /// Where the bytes are now (inbox, processing, archive or quarantine path).
    public var storedPath: String?
    public var errorCode: String?
    public var errorMessage: String?
    public var interchangeCount: Int?
    public var claimCount: Int?
    public var acceptedClaimCount: Int?
    public var receivedAt: Date
    public var updatedAt: Date

    /// The select list `init(row:)` reads, in order.
    static let columns = """
        id, partner, channel, original_name, sha256, size_bytes, state, stored_path, error_code, error_message,
        interchange_count, claim_count, accepted_claim_count,
        extract(epoch FROM received_at)::float8, extract(epoch FROM updated_at)::float8
        """

    init(row: [String?]) throws {
        func text(_ index: Int) throws -> String {
            guard let value = row[index] else {
                throw StoreError(code: .unexpectedResult, message: "files column \(index) is NULL")
            }
            return value
        }
        func number<N: LosslessStringConvertible>(_ index: Int) throws -> N {
            guard let value = N(try text(index)) else {
                throw StoreError(code: .unexpectedResult, message: "files column \(index) is not a number")
            }
            return value
        }
        guard let channel = FileChannel(rawValue: try text(2)), let state = FileState(rawValue: try text(6)) else {
            throw StoreError(code: .unexpectedResult, message: "files row has an unknown channel or state")
        }
        id = try number(0)
        partner = try text(1)
        self.channel = channel
        originalName = try text(3)
        sha256 = try text(4)
        sizeBytes = try number(5)
        self.state = state
        storedPath = row[7]
        errorCode = row[8]
        errorMessage = row[9]
        interchangeCount = row[10].flatMap { Int($0) }
        claimCount = row[11].flatMap { Int($0) }
        acceptedClaimCount = row[12].flatMap { Int($0) }
        receivedAt = Date(timeIntervalSince1970: try number(13))
        updatedAt = Date(timeIntervalSince1970: try number(14))
    }
}
