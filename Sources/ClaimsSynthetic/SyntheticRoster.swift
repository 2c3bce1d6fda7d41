/// The billing providers and payers of one generated file, fixed by the seed, so that a file
/// shows a handful of practices billing many claims each, as a real submitter's files do.
struct SyntheticRoster: Sendable {
    /// A billing provider with what shapes its claims: specialty, fee level, and volume.
    struct Practice: Sendable {
        var provider: SyntheticBillingProvider
        var specialty: SyntheticSpecialty
        var place: SyntheticPlace
        /// Percentage of list price the practice charges.
        var feePercent: Int64
        /// Whether charges keep their cents (most practices bill whole dollars).
        var chargesCents: Bool
        /// Relative claim volume.
        var volume: Int
    }

    var practices: [Practice]

    /// Clearly fictitious plans covering the common claim filing indicators.
    static let payers: [(SyntheticPayer, Int)] = [
        ("ACME COMMERCIAL HEALTH PLAN", "SYN01", "CI", "ZAC", 35),
        ("EXAMPLE MUTUAL HMO", "SYN02", "HM", "ZEX", 15),
        ("PLACEHOLDER BLUE PLAN", "SYN03", "BL", "ZPB", 20),
        ("SAMPLE STATE MEDICAID", "SYN04", "MC", "ZMC", 15),
        ("DEMO MEDICARE PART B", "SYN05", "MB", "", 15),
    ].map { name, id, filing, prefix, weight in
        (SyntheticPayer(name: name, payerID: id, filingIndicator: filing, memberIDPrefix: prefix), weight)
    }

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed, stream: 1)
        practices = (0..<rng.int(in: 6...12)).map { _ in Self.practice(using: &rng) }
    }

    private static func practice(using rng: inout SplitMix64) -> Practice {
        let specialty = rng.pick(SyntheticSpecialty.all)
        let place = rng.pick(SyntheticPlace.all)
        let solo = specialty.allowsSoloPractice && rng.chance(25)
        let name =
            solo
            ? rng.pick(SyntheticNames.last)
            : "\(rng.pick(SyntheticNames.practiceWords)) \(specialty.label) \(rng.pick(SyntheticNames.practiceForms))"
        let address = SyntheticAddress(
            street: SyntheticNames.streetLine(numbers: 100...9999, using: &rng),
            street2: rng.chance(50) ? "SUITE \(rng.int(in: 1...9))\(rng.digits(2))" : nil,
            city: place.city, state: place.state, postalCode: place.zip + String(rng.int(in: 1000...9999)))
        let provider = SyntheticBillingProvider(
            name: name,
            firstName: solo ? rng.pick(rng.chance(50) ? SyntheticNames.femaleFirst : SyntheticNames.maleFirst) : nil,
            npi: SyntheticIdentifiers.npi(using: &rng), employerID: SyntheticIdentifiers.employerID(using: &rng),
            taxonomy: specialty.taxonomy, address: address)
        return Practice(
            provider: provider, specialty: specialty, place: place, feePercent: Int64(rng.int(in: 90...160)),
            chargesCents: rng.chance(20), volume: solo ? rng.int(in: 1...3) : rng.int(in: 3...10))
    }
}
