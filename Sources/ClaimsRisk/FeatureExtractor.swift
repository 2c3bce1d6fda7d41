import ClaimsCore
import Foundation

/// Turns a typed claim and its history into the model's feature vector (`RiskFeature` order).
///
/// Pure and allocation-light: it runs once per claim in the pipeline, inside the ≤ 2 µs budget.
public struct FeatureExtractor: Sendable {
    public let charges: ChargeReference

    public init(charges: ChargeReference) { self.charges = charges }

    /// Submission date: BHT04 of the claim's transaction set (when the submitter built it), so
    /// that training files and live files measure "days to submission" the same way.
    public func features(of claim: Claim, submittedOn submission: CalendarDate?, history: ClaimHistory) -> [Double] {
        var x = [Double](repeating: 0, count: RiskFeature.count)
        extract(claim, submittedOn: submission, history: history, into: &x)
        return x
    }

    /// Writes the features into `x` (which must hold `RiskFeature.count` values).
    public func extract(
        _ claim: Claim, submittedOn submission: CalendarDate?, history: ClaimHistory, into x: inout [Double]
    ) {
        let lines = claim.serviceLines
        var maxRatio = 0.0
        var ratioSum = 0.0
        var priced = 0
        var maxUnits = 1.0
        var modifiers = 0
        var hasVisitWithout25 = false
        var hasProcedureNeeding25 = false
        var missingLaterality = false
        var therapyWithoutDiscipline = false
        var hasNonVisit = false
        var lastService: CalendarDate?
        for line in lines {
            if let date = line.serviceDateTo ?? line.serviceDateFrom, lastService.map({ $0 < date }) ?? true {
                lastService = date
            }
            let code = ProcedureCode(line.procedureCode)
            var modifier25 = false
            var side = false
            var discipline = false
            for modifier in line.modifiers {
                switch TwoCharacterCode(modifier) {
                case .modifier25: modifier25 = true
                case .right, .left, .bilateral: side = true
                case .physicalTherapy, .occupationalTherapy, .speechTherapy: discipline = true
                default: break
                }
            }
            modifiers += line.modifiers.count
            maxUnits = max(maxUnits, line.units)
            if let typical = charges.typicalUnitCharge[line.procedureCode], typical > 0 {
                let ratio = ChargeReference.unitCharge(line) / typical
                maxRatio = max(maxRatio, ratio)
                ratioSum += ratio
                priced += 1
            }
            if code.isEvaluationAndManagement {
                if !modifier25 { hasVisitWithout25 = true }
            } else {
                hasNonVisit = true
            }
            if code.needsSeparateVisitModifier { hasProcedureNeeding25 = true }
            if code.isMusculoskeletal, !side { missingLaterality = true }
            if code.isPhysicalMedicine, !discipline { therapyWithoutDiscipline = true }
        }
        let lineCount = Double(max(lines.count, 1))
        x[RiskFeature.logTotalCharge.index] = log1p(max(Double(claim.totalCharge.cents) / 100, 0))
        x[RiskFeature.maxChargeRatio.index] = priced > 0 ? log(max(maxRatio, 1e-3)) : 0
        x[RiskFeature.meanChargeRatio.index] = priced > 0 ? log(max(ratioSum / Double(priced), 1e-3)) : 0
        x[RiskFeature.unknownProcedureShare.index] = Double(lines.count - priced) / lineCount
        x[RiskFeature.lineCount.index] = Double(lines.count)
        x[RiskFeature.diagnosisCount.index] = Double(claim.diagnoses.count)
        x[RiskFeature.logMaxUnits.index] = log(maxUnits)
        x[RiskFeature.modifiersPerLine.index] = Double(modifiers) / lineCount
        x[RiskFeature.evaluationWithoutModifier25.index] = hasVisitWithout25 && hasProcedureNeeding25 ? 1 : 0
        x[RiskFeature.missingLaterality.index] = missingLaterality ? 1 : 0
        x[RiskFeature.therapyWithoutDiscipline.index] = therapyWithoutDiscipline ? 1 : 0
        let place = TwoCharacterCode(claim.placeOfService)
        let telehealth = place == .telehealthOther || place == .telehealthHome
        x[RiskFeature.telehealthWithProcedures.index] = telehealth && hasNonVisit ? 1 : 0
        var days = 0.0
        if let submission, let last = lastService {
            days = Double(max(submission.dayNumber - last.dayNumber, 0))
        }
        x[RiskFeature.logDaysToSubmission.index] = log1p(days)
        x[RiskFeature.lateSubmission.index] = days > 90 ? 1 : 0
        x[RiskFeature.replacement.index] = claim.frequencyCode.utf8.first == UInt8(ascii: "7") || claim.frequencyCode.utf8.first == UInt8(ascii: "8") ? 1 : 0
        x[RiskFeature.dependentPatient.index] = claim.hasPatient ? 1 : 0
        x[RiskFeature.providerRejectionRate.index] = ClaimHistory.smoothedRate(
            rejections: history.providerRejections, claims: history.providerClaims)
        x[RiskFeature.logProviderVolume.index] = log1p(Double(history.providerClaims))
        x[RiskFeature.payerRejectionRate.index] = ClaimHistory.smoothedRate(
            rejections: history.payerRejections, claims: history.payerClaims)
        x[RiskFeature.validationWarnings.index] = Double(history.validationWarnings)
        x[RiskFeature.exactDuplicate.index] = history.duplicate == .exact ? 1 : 0
        x[RiskFeature.nearDuplicate.index] = history.duplicate == .near ? 1 : 0
    }
}
