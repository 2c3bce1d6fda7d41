import ClaimsApp
import ClaimsTestSupport
import Foundation
import Testing
import X12Validation

@Suite struct EditCatalogTests {
    static let syntaxIDs = EditCatalog.syntaxEdits.map(\.id).sorted()

    @Test func idsAreUnique() {
        let ids = EditCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
    }

    @Test func everySyntaxEditHasACase() {
        #expect(Set(Self.syntaxIDs) == Set(EditCases.all.keys), "edits without a case: \(Set(Self.syntaxIDs).subtracting(EditCases.all.keys).sorted()); cases without an edit: \(Set(EditCases.all.keys).subtracting(Self.syntaxIDs).sorted())")
    }

    @Test func baseFileIsClean() {
        #expect(EditHarness.editIDs(EditHarness.bytes(nil)).isEmpty)
    }

    @Test(arguments: syntaxIDs)
    func editFiresOnItsMutationOnly(id: String) throws {
        let mutation = try #require(EditCases.all[id], "no mutation for \(id)")
        #expect(!EditHarness.editIDs(EditHarness.bytes(nil)).contains(id), "\(id) fires on the clean file")
        let fired = EditHarness.editIDs(EditHarness.bytes(mutation), resent: mutation.resent)
        #expect(fired.contains(id), "\(id) did not fire; got \(fired.sorted())")
    }

    /// A repetition separator in an element that does not repeat is ELE-012 whatever else is
    /// wrong with the value: in a number, a date, or text that also holds a byte outside the
    /// character set. The sender learns what broke the element, not what followed from it.
    @Test(arguments: [
        ("SV1*HC:99213", 2, "10^0", "ELE-006"), ("BHT", 4, "2025^101", "ELE-008"),
        ("N3*1 ELM ST", 1, "1 ELM\u{7F}^ST", "ELE-006"),
    ])
    func aRepetitionSeparatorIsReportedBeforeTheValuesOwnFault(
        segment: String, position: Int, value: String, ownFault: String
    ) {
        let fired = EditHarness.editIDs(EditHarness.bytes(Mutation.set(segment, position, value)))
        #expect(fired.contains("ELE-012"), "got \(fired.sorted())")
        #expect(!fired.contains(ownFault), "got \(fired.sorted())")
    }

    /// HCP as X12 defines it (HCP10 a procedure code, HCP11 its unit, HCP12 the quantity): a
    /// line repriced with every element the guide allows is clean, and each element's own value
    /// is still checked where the standard puts it.
    @Test func linePricingIsReadAsTheStandardDefinesIt() {
        let pricing = "HCP*03*100*10******HC*99213*UN*1*T1*1*1"
        let priced = Mutation.insert(after: "DTP*472*D8*20260110", [pricing])
        #expect(EditHarness.editIDs(EditHarness.bytes(priced)).isEmpty)
        let badUnit = Mutation.insert(after: "DTP*472*D8*20260110", [pricing.replacingOccurrences(of: "*UN*", with: "*XX*")])
        #expect(EditHarness.editIDs(EditHarness.bytes(badUnit)).contains("ELE-007"))
    }

    /// A subrogation demand (BHT06 31) from a state Medicaid agency, with its pay-to plan (2010AC),
    /// is a valid 837P (005010X222A1); pyx12's map refuses it (`Pyx12Difference`).
    @Test func aSubrogationDemandIsClean() {
        let demand = Mutation.custom { segments in
            let header = Mutation.index("BHT*", 1, in: segments)
            segments[header] = segments[header].replacingOccurrences(of: "*CH", with: "*31")
            let taxID = Mutation.index("REF*EI*", 1, in: segments)
            segments.insert(
                contentsOf: ["NM1*PE*2*STATE MEDICAID PLAN*****PI*PLAN01", "N3*1 PLAN WAY", "N4*SPRINGFIELD*IL*62701", "REF*EI*987654321"],
                at: taxID + 1)
        }
        #expect(EditHarness.editIDs(EditHarness.bytes(demand)).isEmpty)
        #expect(EditHarness.editIDs(EditHarness.bytes(Mutation.set("BHT*", 6, "30"))).contains("HDR-005"))
    }

    /// A 999 names an element by its X12 reference number: a not-used element sent in CLM and
    /// SV1 is named as the standard numbers its position (CLM04 1343, CLM16 1360, SV110 1340).
    @Test(arguments: [("CLM*PCN001", 4, "1343"), ("CLM*PCN001", 16, "1360"), ("SV1*HC:99213", 10, "1340")])
    func elementsAreNamedByTheirStandardReference(segment: String, position: Int, reference: String) throws {
        let bytes = EditHarness.bytes(Mutation.set(segment, position, "Y"))
        let findings = try #require(EditHarness.assessment(bytes)).interchanges.flatMap(\.groups).flatMap(\.transactionSets)
            .flatMap(\.verdict.findings)
        let element = try #require(findings.flatMap(\.elements).first { $0.position == position }, "got \(findings)")
        #expect(element.reference == reference)
    }

    @Test func rulesDocumentIsCurrent() throws {
        let path = Fixtures.repositoryRoot.appendingPathComponent("docs/RULES.md")
        let written = try String(contentsOf: path, encoding: .utf8)
        #expect(written == RulesDocument.markdown(), "docs/RULES.md is stale: run `claimsgate rules --format markdown > docs/RULES.md`")
    }

    @Test func jsonCarriesEveryEdit() throws {
        let decoded = try JSONSerialization.jsonObject(with: Data(RulesDocument.json().utf8)) as? [[String: Any]]
        #expect(decoded?.count == EditCatalog.all.count)
        #expect(Set(decoded?.first?.keys.map { $0 } ?? []) == ["id", "snip", "location", "description", "fixHint", "outcome", "severity"])
    }
}
