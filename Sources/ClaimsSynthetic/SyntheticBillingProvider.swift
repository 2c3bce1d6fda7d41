/// A billing provider (2000A/2010AA): a group practice or a solo practitioner with a valid NPI,
/// an EIN, a physical address with ZIP+4 and a NUCC taxonomy.
public struct SyntheticBillingProvider: Sendable, Hashable {
    /// Organization name, or the practitioner's last name when `firstName` is set (NM102=1).
    public var name: String
    /// Set for a solo practitioner (NM102=1, entity type 1 NPI).
    public var firstName: String?
    public var npi: String
    /// REF*EI: nine digits.
    public var employerID: String
    /// PRV03 (PXC).
    public var taxonomy: String
    public var address: SyntheticAddress

    public init(
        name: String, firstName: String?, npi: String, employerID: String, taxonomy: String,
        address: SyntheticAddress
    ) {
        self.name = name
        self.firstName = firstName
        self.npi = npi
        self.employerID = employerID
        self.taxonomy = taxonomy
        self.address = address
    }

    /// NM102: `1` person, `2` non-person entity.
    public var entityType: String { firstName == nil ? "2" : "1" }
}
