import ClaimsCore
import ClaimsCrypto
import Foundation

/// The `claims` and `service_lines` tables.
///
/// Stores a file's claims a window at a time through COPY (`appendClaims`), after removing
/// whatever an interrupted earlier attempt left for the file (`clearClaims`): re-running after a
/// crash replaces rows instead of duplicating them.
public struct ClaimRepository: Sendable {
    public let database: Database
    /// The PHI key ring; nil stores no demographics at all (never in clear).
    public let phi: KeyRing?

    public init(database: Database, phi: KeyRing? = nil) {
        self.database = database
        self.phi = phi
    }

    /// Removes whatever an earlier attempt stored for `fileID` (claims, lines, risk rows), before
    /// its claims are stored again a window at a time (`appendClaims`). Throws
    /// `foreignKeyViolation` when the file does not exist.
    public func clearClaims(fileID: Int64) async throws {
        try await database.withConnection { connection in
            try connection.transaction { try Self.clear(fileID, on: connection) }
        }
    }

    /// Stores one window of a file's claims, the first with claim index `firstIndex`. Claims and
    /// service lines go by two COPYs on two connections at once, so the server parses them in
    /// parallel; the file-state machine makes the whole idempotent (a resumed file is cleared and
    /// stored again, lines included). Returns the number of claims stored.
    @discardableResult
    public func appendClaims(fileID: Int64, _ outcomes: [ClaimRow], firstIndex: Int) async throws -> Int {
        let phi = phi
        async let lines: Void = database.withConnection { connection in
            try Self.appendLines(outcomes, fileID: fileID, firstIndex: firstIndex, on: connection)
        }
        let stored = try await database.withConnection { connection in
            try Self.appendClaims(outcomes, fileID: fileID, firstIndex: firstIndex, phi: phi, on: connection)
        }
        try await lines
        return stored
    }

    /// Records how many claims the file has stored and how many of them were accepted.
    public func recordCounts(fileID: Int64, claims: Int, accepted: Int) async throws {
        try await database.withConnection { connection in
            try Self.recordCounts(fileID, claims: claims, accepted: accepted, on: connection)
        }
    }

    static func clear(_ fileID: Int64, on connection: PQConnection) throws {
        let file = String(fileID)
        // Serialises concurrent re-runs for one file and fails early when it is missing.
        let locked = try connection.execute("SELECT id FROM files WHERE id = $1 FOR UPDATE", parameters: [file])
        guard !locked.isEmpty else {
            throw StoreError(code: .foreignKeyViolation, message: "file \(fileID) does not exist", table: "files")
        }
        for table in ["claim_risk", "service_lines", "claims"] {
            try connection.execute("DELETE FROM \(table) WHERE file_id = $1", parameters: [file])
        }
    }

    static func appendClaims(
        _ outcomes: [ClaimRow], fileID: Int64, firstIndex: Int, phi: KeyRing?, on connection: PQConnection
    ) throws -> Int {
        try connection.copyIn(
            phi == nil ? claimsCopy : claimsWithPHICopy,
            chunks: CopyBinary.encoded(outcomes.count) { range in
                let sealer = phi.map(PHISealer.init(ring:))
                var copy = CopyBinary(capacity: range.count * 1_000)
                for index in range {
                    let claimIndex = firstIndex + index
                    copy.row(fields: sealer == nil ? claimColumns : claimColumns + 1 + PHISealer.columns.count)
                    outcomes[index].slot.withClaimAddress { claim in
                        writeClaim(
                            claim, fileID: fileID, index: claimIndex, state: outcomes[index].state,
                            riskScore: outcomes[index].riskScore, to: &copy)
                        sealer?.write(claim, fileID: fileID, claimIndex: claimIndex, to: &copy)
                    }
                }
                return copy.take()
            })
    }

    static func appendLines(_ outcomes: [ClaimRow], fileID: Int64, firstIndex: Int, on connection: PQConnection) throws {
        try connection.copyIn(
            linesCopy,
            chunks: CopyBinary.encoded(outcomes.count) { range in
                var copy = CopyBinary(capacity: range.count * 300)
                for index in range {
                    // By address: `for line in`, or a line lent from the buffer, was copied whole.
                    outcomes[index].claim.serviceLines.withUnsafeBufferPointer { lines in
                        for line in lines.indices {
                            writeLine(fileID: fileID, claimIndex: firstIndex + index, lines.baseAddress! + line, to: &copy)
                        }
                    }
                }
                return copy.take()
            })
    }

    static func recordCounts(_ fileID: Int64, claims: Int, accepted: Int, on connection: PQConnection) throws {
        try connection.execute(
            "UPDATE files SET claim_count = $2, accepted_claim_count = $3, updated_at = now() WHERE id = $1",
            parameters: [String(fileID), String(claims), String(accepted)])
    }

    /// Number of claims stored for a file.
    public func claimCount(fileID: Int64) async throws -> Int {
        try await count("SELECT count(*) FROM claims WHERE file_id = $1", fileID)
    }

    /// Number of service lines stored for a file.
    public func serviceLineCount(fileID: Int64) async throws -> Int {
        try await count("SELECT count(*) FROM service_lines WHERE file_id = $1", fileID)
    }

    /// The claims stored for a file, in claim order.
    public func claims(fileID: Int64) async throws -> [StoredClaim] {
        try await database.withConnection { connection in
            try connection.execute(
                """
                SELECT file_id, claim_index, transaction_set_control_number, patient_control_number, total_charge,
                       payer_id, payer_name, array_to_json(diagnosis_codes)::text, status, risk_score,
                       to_char(service_date_from, 'YYYY-MM-DD'), to_char(service_date_to, 'YYYY-MM-DD')
                FROM claims WHERE file_id = $1 ORDER BY claim_index
                """,
                parameters: [String(fileID)]
            ).rows.map(StoredClaim.init(row:))
        }
    }

    private func count(_ sql: String, _ fileID: Int64) async throws -> Int {
        try await database.withConnection { connection in
            Int(try connection.execute(sql, parameters: [String(fileID)]).int64())
        }
    }

    // MARK: COPY rows

    static let claimsCopy = """
        COPY claims (file_id, claim_index, transaction_set_control_number, patient_control_number, total_charge,
            place_of_service, frequency_code, original_reference, billing_provider_npi, billing_provider_tax_id,
            payer_id, payer_name, patient_relationship, diagnosis_codes, status, risk_score,
            service_date_from, service_date_to) FROM STDIN WITH (FORMAT binary)
        """

    /// The columns of `claimsCopy`.
    static let claimColumns = 18

    static let claimsWithPHICopy =
        claimsCopy.replacingOccurrences(
            of: "service_date_to)", with: "service_date_to, phi_key_id, \(PHISealer.columns.joined(separator: ", ")))")

    static let linesCopy = """
        COPY service_lines (file_id, claim_index, line_number, procedure_qualifier, procedure_code, modifiers,
            charge, unit_basis, units, place_of_service, diagnosis_pointers, service_date_from, service_date_to)
            FROM STDIN WITH (FORMAT binary)
        """

    /// The claim's columns, each field read from its address as it is written.
    @inline(__always) static func writeClaim(
        _ claim: UnsafePointer<Claim>, fileID: Int64, index: Int, state: ClaimState, riskScore: Double?,
        to copy: inout CopyBinary
    ) {
        copy.int8(fileID)
        copy.int4(index)
        copy.text(claim.pointee.position.transactionSetControlNumber)
        copy.text(claim.pointee.patientControlNumber)
        copy.numeric(claim.pointee.totalCharge)
        copy.text(claim.pointee.placeOfService)
        copy.text(claim.pointee.frequencyCode)
        copy.text(claim.pointee.originalReference)
        copy.text(claim.pointee.billingProvider.npi)
        copy.text(claim.pointee.billingProvider.taxID)
        copy.text(claim.pointee.payer.identifier)
        copy.text(claim.pointee.payer.name)
        copy.text(claim.pointee.patientRelationship)
        copy.textArray(claim.pointee.diagnoses.lazy.map(\.code))
        copy.text(state.rawValue)
        copy.float8(riskScore)
        let dates = claim.pointee.serviceDateRange
        copy.date(dates?.lowerBound)
        copy.date(dates?.upperBound)
    }

    /// The line's columns, each field read from its address as it is written.
    @inline(__always) static func writeLine(
        fileID: Int64, claimIndex: Int, _ line: UnsafePointer<ServiceLine>, to copy: inout CopyBinary
    ) {
        copy.row(fields: 13)
        copy.int8(fileID)
        copy.int4(claimIndex)
        copy.int4(line.pointee.lineNumber)
        copy.text(line.pointee.procedureQualifier)
        copy.text(line.pointee.procedureCode)
        copy.textArray(line.pointee.modifiers)
        copy.numeric(line.pointee.charge)
        copy.text(line.pointee.unitBasis)
        copy.numeric(line.pointee.units)
        copy.text(line.pointee.placeOfService)
        copy.int4Array(line.pointee.diagnosisPointers)
        copy.date(line.pointee.serviceDateFrom)
        copy.date(line.pointee.serviceDateTo)
    }
}

extension StoredClaim {
    init(row: [String?]) throws {
        func required(_ index: Int) throws -> String {
            guard let value = row[index] else {
                throw StoreError(code: .unexpectedResult, message: "claims column \(index) is NULL")
            }
            return value
        }
        guard let fileID = Int64(try required(0)), let claimIndex = Int(try required(1)),
            let totalCharge = Amount(try required(4)), let status = ClaimState(rawValue: try required(8))
        else { throw StoreError(code: .unexpectedResult, message: "claims row does not decode") }
        let codes = try JSONDecoder().decode([String].self, from: Data(try required(7).utf8))
        self.init(
            fileID: fileID, claimIndex: claimIndex, transactionSetControlNumber: try required(2),
            patientControlNumber: try required(3), totalCharge: totalCharge, payerID: row[5], payerName: row[6],
            diagnosisCodes: codes, state: status, riskScore: row[9].flatMap(Double.init),
            serviceDateFrom: row[10].flatMap(Self.date), serviceDateTo: row[11].flatMap(Self.date))
    }

    /// `yyyy-mm-dd` (as selected with `to_char`, whatever the server's DateStyle) to a `CalendarDate`.
    static func date(_ text: String) -> CalendarDate? {
        CalendarDate(text.replacingOccurrences(of: "-", with: ""))
    }
}
