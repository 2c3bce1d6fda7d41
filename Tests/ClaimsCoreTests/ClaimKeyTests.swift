import ClaimsCore
import Testing

/// `ClaimKey` hashes its fields as one run of bytes: keys must still hash apart wherever they
/// differ (but in the submitter, which a set shares), including where the two strings meet.
@Suite struct ClaimKeyTests {
    static let key = ClaimKey(
        submitter: "SUBMITTER", billingNPI: "1234567893", patientControlNumber: "PCN1",
        firstServiceDate: CalendarDate(year: 2025, month: 3, day: 4), lastServiceDate: CalendarDate(year: 2025, month: 3, day: 9),
        totalCharge: Amount(cents: 12_500))

    static let variants: [(String, @Sendable (inout ClaimKey) -> Void)] = [
        ("NPI", { $0.billingNPI = "1234567894" }),
        ("patient control number", { $0.patientControlNumber = "PCN2" }),
        ("where the NPI ends and CLM01 starts", { $0.billingNPI = "123456789"; $0.patientControlNumber = "3PCN1" }),
        ("first date", { $0.firstServiceDate = CalendarDate(year: 2025, month: 3, day: 5) }),
        ("first date absent", { $0.firstServiceDate = nil }),
        ("dates swapped", { swap(&$0.firstServiceDate, &$0.lastServiceDate) }),
        ("last date", { $0.lastServiceDate = CalendarDate(year: 2026, month: 3, day: 9) }),
        ("charge", { $0.totalCharge = Amount(cents: 12_501) }),
    ]

    @Test func keysThatDifferHashApart() {
        for (name, change) in Self.variants {
            var other = Self.key
            change(&other)
            #expect(other != Self.key, "\(name)")
            #expect(other.hashValue != Self.key.hashValue, "\(name)")
        }
    }

    @Test func theSubmitterIsComparedButNotHashed() {
        var other = Self.key
        other.submitter = "ANOTHER"
        #expect(other != Self.key)
        #expect(other.hashValue == Self.key.hashValue)
        #expect(Set([Self.key, other]).count == 2)
    }
}
