/// A US street address (N3/N4) with a ZIP code that really belongs to its state, so that
/// ZIP-versus-state edits (BP-016, SUB-009) pass on generated data.
public struct SyntheticAddress: Sendable, Hashable {
    public var street: String
    /// N302 (suite, unit), when there is one.
    public var street2: String?
    public var city: String
    /// USPS state code.
    public var state: String
    /// Five or nine digits, no hyphen (billing providers always get nine: BP-015).
    public var postalCode: String

    public init(street: String, street2: String? = nil, city: String, state: String, postalCode: String) {
        self.street = street
        self.street2 = street2
        self.city = city
        self.state = state
        self.postalCode = postalCode
    }
}
