import Foundation
import ClaimsCore

/// The documented ground-truth denial process behind `claimsgate generate --labelled`
/// (docs/RISK-MODEL.md): it plants risky patterns in some claims, each of which raises the
/// log-odds of denial by a fixed amount, adds a latent per-provider and per-payer propensity and
/// noise, and draws the label. Everything follows from the seed and the claim's index.
///
/// The model never sees these numbers; it has to find the patterns from the claims and the
/// outcomes, as it would from a payer's real decisions.
public struct GroundTruthRisk: Sendable {
    public let generator: ClaimGenerator

    public init(generator: ClaimGenerator) { self.generator = generator }

    /// Log-odds of denial for a clean claim of an average provider and payer.
    static let baseLogOdds = -4.3

    /// The claim at `index`, with its planted patterns, its true denial probability and its label.
    public func claim(at index: Int) -> LabelledSyntheticClaim {
        let original = generator.claim(at: index)
        var claim: SyntheticClaim
        var patterns: [RiskPattern]
        if let duplicate = duplicate(at: index) {
            claim = planted(generator.claim(at: duplicate.source)).claim
            claim.index = original.index
            claim.patientControlNumber = original.patientControlNumber
            patterns = [duplicate.near ? .nearDuplicate : .exactDuplicate]
            if duplicate.near {
                var rng = SplitMix64(seed: generator.seed, stream: 22, index: UInt64(index))
                let line = rng.int(in: 0...(claim.serviceLines.count - 1))
                let cents = claim.serviceLines[line].charge.cents
                claim.serviceLines[line].charge = Amount(cents: max(100, cents + cents * Int64(rng.int(in: 5...20)) / 100))
            }
        } else {
            (claim, patterns) = planted(original)
        }
        var rng = SplitMix64(seed: generator.seed, stream: 23, index: UInt64(index))
        var logOdds = Self.baseLogOdds + patterns.reduce(0) { $0 + $1.logOdds }
        logOdds += Double(max(claim.diagnoses.count - 1, 0)) * 0.12
        if claim.frequencyCode == "7" { logOdds += 0.8 }
        logOdds += Self.payerPropensity(claim.payer.payerID) + Self.providerPropensity(claim.billingProvider.npi)
        // Noise: a sum of four uniforms, mean 0, standard deviation 0.4.
        logOdds += (0..<4).reduce(0.0) { sum, _ in sum + (Double(rng.int(in: 0...1_000_000)) / 1_000_000 - 0.5) } * 0.69
        let probability = 1 / (1 + exp(-logOdds))
        let denied = Double(rng.int(in: 0...999_999)) / 1_000_000 < probability
        return LabelledSyntheticClaim(claim: claim, patterns: patterns, probability: probability, denied: denied)
    }

    /// Plants at most a few non-duplicate patterns, each where it can occur.
    func planted(_ original: SyntheticClaim) -> (claim: SyntheticClaim, patterns: [RiskPattern]) {
        var claim = original
        var patterns: [RiskPattern] = []
        var rng = SplitMix64(seed: generator.seed, stream: 20, index: UInt64(original.index))
        if rng.chance(6) {
            let line = rng.int(in: 0...(claim.serviceLines.count - 1))
            claim.serviceLines[line].charge.cents = claim.serviceLines[line].charge.cents * Int64(rng.int(in: 250...500)) / 100
            patterns.append(.inflatedCharge)
        }
        if claim.serviceLines.contains(where: { $0.modifiers.contains("25") }), rng.chance(45) {
            for i in claim.serviceLines.indices { claim.serviceLines[i].modifiers.removeAll { $0 == "25" } }
            patterns.append(.visitWithoutModifier25)
        }
        if claim.serviceLines.contains(where: { $0.modifiers.contains("RT") || $0.modifiers.contains("LT") }),
            rng.chance(35)
        {
            for i in claim.serviceLines.indices { claim.serviceLines[i].modifiers.removeAll { $0 == "RT" || $0 == "LT" } }
            patterns.append(.missingLaterality)
        }
        if claim.serviceLines.contains(where: { $0.modifiers.contains("GP") }), rng.chance(25) {
            for i in claim.serviceLines.indices { claim.serviceLines[i].modifiers.removeAll { $0 == "GP" } }
            patterns.append(.therapyWithoutModifier)
        }
        if claim.placeOfService == "11", claim.serviceLines.contains(where: { !$0.procedureCode.hasPrefix("992") }),
            rng.chance(5)
        {
            claim.placeOfService = "02"
            patterns.append(.telehealthWithProcedures)
        }
        if rng.chance(5) {
            // 95–300 days later than the generator's dates: past the 90-day filing window, and
            // never before a patient's birth (every patient is older than 465 days).
            let shift = rng.int(in: 95...300)
            for i in claim.serviceLines.indices {
                claim.serviceLines[i].serviceDate = claim.serviceLines[i].serviceDate.adding(days: -shift)
            }
            patterns.append(.lateSubmission)
        }
        return (claim, patterns)
    }

    /// Whether claim `index` repeats an earlier one, and which.
    func duplicate(at index: Int) -> (source: Int, near: Bool)? {
        guard index > 0 else { return nil }
        var rng = SplitMix64(seed: generator.seed, stream: 21, index: UInt64(index))
        let roll = rng.int(in: 0...99)
        guard roll < 5 else { return nil }
        let source = max(0, index - rng.int(in: 1...40))
        // A duplicate of a duplicate would chain; the source must be an original.
        guard duplicate(at: source) == nil else { return nil }
        return (source, roll >= 3)
    }

    static func payerPropensity(_ payerID: String) -> Double {
        switch payerID {
        case "SYN04": 0.8
        case "SYN05": 0.3
        case "SYN02": 0.2
        case "SYN03": -0.2
        default: 0
        }
    }

    /// A fixed latent propensity per billing provider, from its NPI: some practices bill carelessly.
    static func providerPropensity(_ npi: String) -> Double {
        var rng = SplitMix64(seed: npi.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 })
        return Double(rng.int(in: 0...1500)) / 1000 - 0.5
    }
}

/// A planted pattern and how much it raises the log-odds of denial.
public enum RiskPattern: String, Sendable, Hashable, CaseIterable {
    case inflatedCharge = "inflated-charge"
    case visitWithoutModifier25 = "visit-without-25"
    case missingLaterality = "missing-laterality"
    case therapyWithoutModifier = "therapy-without-gp"
    case telehealthWithProcedures = "telehealth-with-procedures"
    case lateSubmission = "late-submission"
    case exactDuplicate = "exact-duplicate"
    case nearDuplicate = "near-duplicate"

    public var logOdds: Double {
        switch self {
        case .inflatedCharge: 4.8
        case .visitWithoutModifier25: 4.6
        case .missingLaterality: 4.4
        case .therapyWithoutModifier: 4.2
        case .telehealthWithProcedures: 4.6
        case .lateSubmission: 5.0
        case .exactDuplicate: 5.5
        case .nearDuplicate: 3.6
        }
    }
}

/// A generated claim with its ground truth.
public struct LabelledSyntheticClaim: Sendable {
    public var claim: SyntheticClaim
    public var patterns: [RiskPattern]
    /// The true probability of denial the label was drawn from.
    public var probability: Double
    public var denied: Bool
}
