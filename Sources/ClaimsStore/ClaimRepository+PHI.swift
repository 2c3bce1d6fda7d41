import ClaimsCrypto

/// Decrypted demographics of one stored claim, for authorized reads only (never logged).
public struct ClaimDemographics: Sendable, Equatable {
    public var claimIndex: Int
    /// `PHISealer.columns` order (without the hash): names are `last␟first`, addresses
    /// `line1␟line2␟city␟state␟zip` (␟ = U+001F).
    public var subscriberName: String?
    public var subscriberBirthDate: String?
    public var memberID: String?
    public var subscriberAddress: String?
    public var patientName: String?
    public var patientBirthDate: String?
    public var patientAddress: String?
}

extension ClaimRepository {
    /// The demographics of a file's claims, decrypted. Throws, naming the claim and key id, when
    /// a value does not open (wrong or missing PHI key, or altered data).
    public func demographics(fileID: Int64) async throws -> [ClaimDemographics] {
        guard let ring = phi else { throw CryptoError(.keyFile, "no PHI key ring configured") }
        let columns = PHISealer.columns.dropLast().map { "encode(\($0), 'hex')" }.joined(separator: ", ")
        let rows = try await database.withConnection { connection in
            try connection.execute(
                "SELECT claim_index, \(columns) FROM claims WHERE file_id = $1 ORDER BY claim_index",
                parameters: [String(fileID)]
            ).rows
        }
        return try rows.map { row in
            guard let index = row[0].flatMap({ Int($0) }) else {
                throw StoreError(code: .unexpectedResult, message: "claims row does not decode")
            }
            let values = try (0..<7).map { column -> String? in
                guard let hex = row[column + 1], let sealed = Hex.decode(hex) else { return nil }
                let plaintext = try SealedBox.open(
                    sealed, ring: ring, context: PHISealer.context(column: column, fileID: fileID, claimIndex: index),
                    what: "\(PHISealer.columns[column]) of file \(fileID) claim \(index)")
                return String(decoding: plaintext, as: UTF8.self)
            }
            return ClaimDemographics(
                claimIndex: index, subscriberName: values[0], subscriberBirthDate: values[1], memberID: values[2],
                subscriberAddress: values[3], patientName: values[4], patientBirthDate: values[5], patientAddress: values[6])
        }
    }

    /// Claims (file id, claim index) of the subscriber with `memberID`, found through its HMAC
    /// under every PHI key (values written before a rotation carry the older key's hash).
    public func claims(memberID: String) async throws -> [(fileID: Int64, claimIndex: Int)] {
        guard let ring = phi else { throw CryptoError(.keyFile, "no PHI key ring configured") }
        let hashes = ring.ids.map { "\\x" + Hex.encode(PHISealer.memberIDHash(memberID, key: ring.keys[$0]!)) }
        return try await database.withConnection { connection in
            try connection.execute(Self.memberLookupQuery, parameters: [ArrayParameter.text(hashes)]).rows.compactMap { row in
                guard let file = row[0].flatMap({ Int64($0) }), let index = row[1].flatMap({ Int($0) }) else { return nil }
                return (file, index)
            }
        }
    }

    /// The claims whose member-id HMAC is one of `$1`, through the hash index of migration 90.
    static let memberLookupQuery =
        "SELECT file_id, claim_index FROM claims WHERE member_id_hmac = ANY ($1::bytea[]) ORDER BY file_id, claim_index"

    /// Erases the demographics of every claim of `fileID` (retention) and marks the file purged.
    /// Returns the number of claims erased.
    @discardableResult
    public func erasePHI(fileID: Int64) async throws -> Int {
        let assignments = (["phi_key_id"] + PHISealer.columns).map { "\($0) = NULL" }.joined(separator: ", ")
        return try await database.withConnection { connection in
            try connection.transaction {
                let erased = try connection.execute(
                    "UPDATE claims SET \(assignments) WHERE file_id = $1 AND phi_key_id IS NOT NULL",
                    parameters: [String(fileID)])
                try connection.execute(
                    "UPDATE files SET purged_at = now(), updated_at = now() WHERE id = $1", parameters: [String(fileID)])
                return erased.affectedRows
            }
        }
    }
}
