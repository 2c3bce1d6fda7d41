/// Who issues the 277CA (loop 2100A): the gateway itself, as a clearinghouse or on a payer's behalf.
public struct InformationSource: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable {
        /// NM101 = `PR`.
        case payer = "PR"
        /// NM101 = `AY`.
        case clearinghouse = "AY"
    }

    public var role: Role
    /// NM103, an organisation name.
    public var name: String
    /// NM108: `46` ETIN (a clearinghouse's usual id), `FI` tax id, `PI` payer id, `XV` CMS plan id.
    public var identifierQualifier: String
    /// NM109.
    public var identifier: String

    public init(role: Role = .clearinghouse, name: String, identifierQualifier: String = "46", identifier: String) {
        self.role = role
        self.name = name
        self.identifierQualifier = identifierQualifier
        self.identifier = identifier
    }

    /// STC01-3 of `A1:19` ("entity acknowledges receipt") at 2200B and 2200C, where X214 allows
    /// both `AY` and `PR`: the source names itself.
    var receiptEntity: String { role.rawValue }

    /// STC01-3 of `A1:19` at 2200D, where X214 allows `PR` but not `AY`. A clearinghouse uses `40`
    /// (receiver): the party the 837's 1000B named, which is the gateway.
    var claimReceiptEntity: String { role == .payer ? "PR" : "40" }
}
