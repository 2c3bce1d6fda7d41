/// One claim status triple of a 277CA STC (composite C043): category, status and entity.
public struct ClaimStatus: Sendable, Hashable {
    /// Claim status category code (source 507): `A3` unprocessable, `A6` missing, `A7` invalid,
    /// `A8` relational error; `A1`/`A2` for receipt and acceptance.
    public var category: String
    /// Claim status code (source 508): `684` syntax error (999 said E), `562` NPI, `164` member id…
    public var code: String
    /// Entity identifier code, required when the status code's text names an entity (`85`
    /// billing provider, `IL` subscriber, `QC` patient, `PR` payer…).
    public var entity: String?

    public init(category: String, code: String, entity: String? = nil) {
        self.category = category
        self.code = code
        self.entity = entity
    }

    /// `A3:684`: the claim carries a SNIP 1–2 error reported on a 999 that said accepted with errors.
    public static let syntaxErrorOnAcknowledgment = ClaimStatus(category: "A3", code: "684")

    /// `A3:0` ("cannot provide further status electronically"), written for a rejection that names
    /// no status, so that a caller's omission still gives a valid, honest 277CA.
    static let unspecifiedRejection = ClaimStatus(category: "A3", code: "0")
}
