import ClaimsCore

/// The typical charge of one unit of each procedure, learned from the training claims (the
/// median, which one inflated claim cannot move), so that "this line costs four times what this
/// code usually costs" is a feature the model can use for any fee schedule.
public struct ChargeReference: Sendable, Equatable, Codable {
    /// Procedure code → median charge per unit, in dollars.
    public var typicalUnitCharge: [String: Double]

    public init(typicalUnitCharge: [String: Double]) { self.typicalUnitCharge = typicalUnitCharge }

    /// Medians over every line of `claims`.
    public init(learningFrom claims: some Sequence<Claim>) {
        var samples: [String: [Double]] = [:]
        for claim in claims {
            for line in claim.serviceLines { samples[line.procedureCode, default: []].append(Self.unitCharge(line)) }
        }
        typicalUnitCharge = samples.mapValues { values in
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    /// SV102 / SV104 in dollars (a line without units counts as one unit).
    static func unitCharge(_ line: ServiceLine) -> Double {
        Double(line.charge.cents) / 100 / max(line.units, 1)
    }
}
