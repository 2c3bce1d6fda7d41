import ClaimsCore
import Foundation
import X12Acknowledgments

/// Inputs shared by the acknowledgment tests: one inbound interchange from a submitter, fixed
/// control numbers and a fixed time, so outputs can be compared whole.
enum AckFixtures {
    static let inbound = InboundInterchange(
        senderQualifier: "ZZ", senderID: "SUBMITTER01", receiverQualifier: "ZZ", receiverID: "CLAIMSGATE",
        controlNumber: "000000101", date: "260114", time: "2359", usageIndicator: "P",
        applicationSenderCode: "SUBMITTER01", applicationReceiverCode: "CLAIMSGATE")

    static let timestamp = AcknowledgmentTimestamp(date: date("20260115"), hour: 9, minute: 5)

    static func envelope(_ inbound: InboundInterchange = inbound, controlNumber: Int = 501) -> AcknowledgmentEnvelope {
        AcknowledgmentEnvelope(inbound: inbound, interchangeControlNumber: controlNumber, timestamp: timestamp)
    }

    static let gateway = InformationSource(role: .clearinghouse, name: "CLAIMSGATE", identifier: "CLAIMSGATE")

    static let submissionHeader = SubmissionHeader(
        transactionSetControlNumber: "0001", purpose: "00", batchReference: "BATCH0001",
        creationDate: date("20260114"), claimOrEncounter: "CH",
        submitter: Party(entityType: "2", name: "EXAMPLE BILLING SERVICE", identifier: "SUBMITTER01"),
        receiver: Party(entityType: "2", name: "CLAIMSGATE", identifier: "CLAIMSGATE"))

    static let clinic = Provider(
        entityType: "2", lastOrOrganizationName: "EXAMPLE MEDICAL GROUP", npi: "1234567893", taxID: "123456789",
        address: nil)
    static let doctor = Provider(
        entityType: "1", lastOrOrganizationName: "KILDARE", firstName: "JAMES", npi: nil, taxID: "987654321",
        address: nil)

    /// A claim whose service lines span `from` through `to` (one line per distinct date).
    static func claim(
        _ clm01: String, charge: String, provider: Provider, providerIndex: Int, from: String, to: String? = nil,
        patient: Person? = nil, member: String = "W123456789"
    ) -> Claim {
        let dates = [from] + (to.map { [$0] } ?? [])
        let lines = dates.enumerated().map { index, day in
            ServiceLine(
                lineNumber: index + 1, procedureQualifier: "HC", procedureCode: "99213", modifiers: [],
                charge: Amount(cents: (Amount(charge)?.cents ?? 0) / Int64(dates.count)), unitBasis: "UN", units: 1,
                diagnosisPointers: [1], serviceDateFrom: date(day))
        }
        return Claim(
            patientControlNumber: clm01, totalCharge: Amount(charge)!, placeOfService: "11", frequencyCode: "1",
            billingProvider: provider, subscriber: Person(lastName: "DOE", firstName: "JANE", memberID: member),
            patient: patient, patientRelationship: patient == nil ? "18" : "19",
            payer: Payer(name: "EXAMPLE HEALTH PLAN", identifier: "12345"),
            diagnoses: [Diagnosis(qualifier: "ABK", code: "J069")], serviceLines: lines,
            position: ClaimPosition(
                interchange: 0, group: 0, transactionSet: 0, transactionSetControlNumber: "0001",
                segmentPosition: 30, billingProviderIndex: providerIndex))
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    /// Output bytes as text, for whole-file comparison with a golden literal.
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The segments of an acknowledgment written with standard delimiters, split into elements.
    static func segments(_ bytes: [UInt8]) -> [[String]] {
        text(bytes).split(separator: "~").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
            .map { $0.split(separator: "*", omittingEmptySubsequences: false).map(String.init) }
    }
}
