/// The kind of encounter a claim describes. It decides the principal diagnosis and the service
/// lines together, so that procedures and diagnoses fit each other (a flu shot points at `Z23`,
/// a right-knee injection carries `RT` and a right-knee code).
enum ClaimShape: Sendable {
    case problemVisit, chronicCare, acuteVisit, jointInjection, vaccination, therapySession, labOnly

    /// A line before pricing and dating: the procedure, its modifiers and its SV107 pointers.
    struct PlannedLine {
        var procedure: SyntheticProcedure
        var modifiers: [String] = []
        var pointers: [Int]
    }

    struct Plan {
        var diagnoses: [String]
        var lines: [PlannedLine]
    }

    /// Diagnoses and lines for one claim; `inPerson` is false for telehealth, which bills only the visit.
    func plan(using rng: inout SplitMix64, inPerson: Bool) -> Plan {
        var plan = Plan(diagnoses: [principal(using: &rng)], lines: [])
        plan.diagnoses += rng.sample(
            SyntheticDiagnoses.comorbidities.filter { $0 != plan.diagnoses[0] }, count: comorbidityCount(using: &rng))
        let count = plan.diagnoses.count
        func pointers(_ first: Int = 1) -> [Int] {
            [first] + rng.sample(Array(1...count).filter { $0 != first }, count: rng.int(in: 0...min(3, count - 1)))
        }
        func visit(modifier: [String] = [], pointingAt first: Int = 1) -> PlannedLine {
            PlannedLine(
                procedure: rng.pick(weighted: SyntheticProcedure.officeVisits), modifiers: modifier,
                pointers: pointers(first))
        }
        func labs(_ range: ClosedRange<Int>) -> [PlannedLine] {
            [PlannedLine(procedure: .venipuncture, pointers: [1])]
                + rng.sample(SyntheticProcedure.labs, count: rng.int(in: range)).map {
                    PlannedLine(procedure: $0, pointers: pointers())
                }
        }

        switch self {
        case .problemVisit:
            plan.lines = [visit()] + (inPerson && rng.chance(30) ? labs(1...2) : [])
        case .chronicCare:
            plan.lines = [visit()] + (inPerson && rng.chance(60) ? labs(1...4) : [])
        case .acuteVisit:
            plan.lines =
                [visit()]
                + rng.sample(SyntheticProcedure.acuteTests, count: rng.int(in: 0...2)).map {
                    PlannedLine(procedure: $0, pointers: [1])
                }
        case .jointInjection:
            let side = SyntheticDiagnoses.rightSided.contains(plan.diagnoses[0]) ? "RT" : "LT"
            if rng.chance(70) { plan.lines.append(visit(modifier: ["25"])) }
            plan.lines.append(PlannedLine(procedure: .arthrocentesis, modifiers: [side], pointers: [1]))
            if rng.chance(80) { plan.lines.append(PlannedLine(procedure: .triamcinolone, pointers: [1])) }
        case .vaccination:
            plan.lines = [
                PlannedLine(procedure: .immunizationAdministration, pointers: [1]),
                PlannedLine(procedure: .influenzaVaccine, pointers: [1]),
            ]
            // A visit billed with a shot must be for a separate problem (modifier 25, not Z23).
            if count > 1, rng.chance(40) { plan.lines.insert(visit(modifier: ["25"], pointingAt: 2), at: 0) }
        case .therapySession:
            if rng.chance(15) {
                plan.lines.append(PlannedLine(procedure: .therapyEvaluation, modifiers: ["GP"], pointers: [1]))
            }
            plan.lines += rng.sample(SyntheticProcedure.therapy, count: rng.int(in: 1...3)).map {
                PlannedLine(procedure: $0, modifiers: ["GP"], pointers: pointers())
            }
        case .labOnly:
            plan.lines = labs(1...4)
        }
        return plan
    }

    private func principal(using rng: inout SplitMix64) -> String {
        switch self {
        case .problemVisit: rng.pick(rng.chance(50) ? SyntheticDiagnoses.acute : SyntheticDiagnoses.chronic)
        case .chronicCare, .labOnly: rng.pick(SyntheticDiagnoses.chronic)
        case .acuteVisit: rng.pick(SyntheticDiagnoses.acute)
        case .jointInjection: rng.pick(SyntheticDiagnoses.rightSided + SyntheticDiagnoses.leftSided)
        case .vaccination: SyntheticDiagnoses.immunization
        case .therapySession: rng.pick(SyntheticDiagnoses.musculoskeletal)
        }
    }

    /// Secondary codes: usually a few, now and then a long list up to the HI limit of twelve.
    private func comorbidityCount(using rng: inout SplitMix64) -> Int {
        let count = rng.pick(weighted: [(0, 35), (1, 30), (2, 18), (3, 12), (-1, 5)])
        return count >= 0 ? count : rng.int(in: 4...11)
    }
}
