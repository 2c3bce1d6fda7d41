import ClaimsCore
import ClaimsStore

/// Whole-file shortcuts for tests of the store: the gateway itself stores a file window by window
/// (`FileProcessor`), and these make the same calls for a file of one window.
extension ClaimRepository {
    /// Replaces the claims and lines of `fileID` with `outcomes` (claim index = position in the
    /// array) and records its counts. Returns the number of claims stored.
    @discardableResult
    public func storeClaims(fileID: Int64, _ outcomes: [ClaimRow]) async throws -> Int {
        try await clearClaims(fileID: fileID)
        let stored = try await appendClaims(fileID: fileID, outcomes, firstIndex: 0)
        try await recordCounts(
            fileID: fileID, claims: outcomes.count, accepted: outcomes.count(where: { $0.state == .accepted }))
        return stored
    }
}

extension ClaimSubmissionRepository {
    /// Replaces the duplicate keys of `fileID`.
    public func record(_ claims: [(claimIndex: Int, key: ClaimKey)], fileID: Int64) async throws {
        try await forget(fileID: fileID)
        try await append(claims.map { ($0.claimIndex, SubmissionKey($0.key)) }, fileID: fileID)
    }
}
