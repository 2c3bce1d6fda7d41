import ClaimsCore

/// A made-up subscriber or patient (2010BA / 2010CA): common names combined at random, an
/// address from the place list and a birth date consistent with the payer (65+ for Medicare).
public struct SyntheticPerson: Sendable, Hashable {
    public var lastName: String
    public var firstName: String
    public var middleInitial: String?
    /// DMG03: `F` or `M`.
    public var gender: String
    public var birthDate: CalendarDate
    public var address: SyntheticAddress

    public init(
        lastName: String, firstName: String, middleInitial: String?, gender: String, birthDate: CalendarDate,
        address: SyntheticAddress
    ) {
        self.lastName = lastName
        self.firstName = firstName
        self.middleInitial = middleInitial
        self.gender = gender
        self.birthDate = birthDate
        self.address = address
    }
}
