/// A provider or location named inside a claim (2310A–F, 2420A–H, 2010AB): entity, NPI,
/// taxonomy and address, as much as the loop carries.
public struct ClaimParty: Sendable, Equatable {
    /// NM101 (82 rendering, DN referring, 77 facility, DQ supervising, DK ordering, QB purchased…).
    public var entityCode: String
    /// NM102: `1` person, `2` organisation.
    public var entityType: String
    /// NM103 last or organisation name, NM104 first name: PHI-free provider names.
    public var lastOrOrganizationName: String
    public var firstName: String?
    /// NM109 when NM108 = XX.
    public var npi: String?
    /// PRV03.
    public var taxonomy: String?
    public var address: Address?

    public init(
        entityCode: String, entityType: String = "", lastOrOrganizationName: String = "", firstName: String? = nil,
        npi: String? = nil, taxonomy: String? = nil, address: Address? = nil
    ) {
        self.entityCode = entityCode
        self.entityType = entityType
        self.lastOrOrganizationName = lastOrOrganizationName
        self.firstName = firstName
        self.npi = npi
        self.taxonomy = taxonomy
        self.address = address
    }
}

/// The providers and places of one claim beyond the billing provider.
public struct ClaimProviders: OutOfLineValue {
    public static let emptyBox = OutOfLineBox(ClaimProviders())

    /// 2010AB pay-to address.
    public var payToAddress: Address?
    /// 2310A referring (DN) or primary care (P3) providers, up to two.
    public var referring: [ClaimParty] = []
    public var rendering: ClaimParty?
    public var serviceFacility: ClaimParty?
    public var supervising: ClaimParty?
    /// 2310E/2310F ambulance pick-up and drop-off.
    public var ambulancePickUp: Address?
    public var ambulanceDropOff: Address?

    public init() {}
}
