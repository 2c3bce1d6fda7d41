/// The model's inputs, in vector order. The order is part of the serialised model's schema: a
/// model file lists these names and is refused when they differ from the code's.
public enum RiskFeature: String, CaseIterable, Sendable, Codable {
    /// log(1 + CLM02 in dollars).
    case logTotalCharge
    /// log of the highest ratio of a line's unit charge to the typical unit charge of its procedure.
    case maxChargeRatio
    /// log of the mean of those ratios.
    case meanChargeRatio
    /// Share of lines whose procedure has no typical charge (never seen in training).
    case unknownProcedureShare
    case lineCount
    case diagnosisCount
    /// log of the largest SV104.
    case logMaxUnits
    /// Modifiers per line.
    case modifiersPerLine
    /// An E/M visit billed with a surgical procedure or an immunization administration, without modifier 25.
    case evaluationWithoutModifier25
    /// A joint or musculoskeletal procedure (20600–29999) without RT, LT or 50.
    case missingLaterality
    /// A physical-medicine code (97010–97799) without GP, GO or GN.
    case therapyWithoutDiscipline
    /// Telehealth place of service (02, 10) on a claim with lines that are not visits.
    case telehealthWithProcedures
    /// log(1 + days from the last service date to the submission date, BHT04).
    case logDaysToSubmission
    /// More than 90 days from the last service date to submission (timely filing).
    case lateSubmission
    /// CLM05-3 is 7 (replacement) or 8 (void).
    case replacement
    /// The patient is a dependent of the subscriber.
    case dependentPatient
    /// The billing provider's smoothed prior rejection rate.
    case providerRejectionRate
    /// log(1 + claims seen before from the billing provider).
    case logProviderVolume
    /// The payer's smoothed prior rejection rate.
    case payerRejectionRate
    /// Validation warnings (business edits downgraded to warnings) on the claim.
    case validationWarnings
    /// Same provider, member, service dates, procedures, modifiers, units and charges as an earlier claim.
    case exactDuplicate
    /// Same provider, member, first service date and procedures as an earlier claim, differing otherwise.
    case nearDuplicate

    /// Position in the feature vector (a switch, not a lookup: it runs 22 times per scored claim).
    public var index: Int {
        switch self {
        case .logTotalCharge: 0
        case .maxChargeRatio: 1
        case .meanChargeRatio: 2
        case .unknownProcedureShare: 3
        case .lineCount: 4
        case .diagnosisCount: 5
        case .logMaxUnits: 6
        case .modifiersPerLine: 7
        case .evaluationWithoutModifier25: 8
        case .missingLaterality: 9
        case .therapyWithoutDiscipline: 10
        case .telehealthWithProcedures: 11
        case .logDaysToSubmission: 12
        case .lateSubmission: 13
        case .replacement: 14
        case .dependentPatient: 15
        case .providerRejectionRate: 16
        case .logProviderVolume: 17
        case .payerRejectionRate: 18
        case .validationWarnings: 19
        case .exactDuplicate: 20
        case .nearDuplicate: 21
        }
    }

    public static let count = allCases.count
    public static let names = allCases.map(\.rawValue)
}
