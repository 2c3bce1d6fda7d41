import ClaimsCore
import Foundation
import Testing
@testable import X12Validation

/// The code set files: parsing, date-effective look-ups, and merging a newer release.
@Suite struct CodeSetTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let sample = CodeSet.Metadata(kind: "test")

    static func parse(_ text: String) throws -> CodeSet { try CodeSet(parsing: Array(text.utf8), kind: "test") }

    @Test func lookUpHonoursRangesFlagsAndCoverage() throws {
        let set = try Self.parse("# effective: 20250401\nA00\tH\nA000\nB01\t\t\t20250930\nC01\tB\t20251001\n")
        #expect(set.lookup("A000", on: Self.date("20250501")) == .valid([]))
        #expect(set.lookup("A00", on: Self.date("20250501")) == .valid(.header))
        #expect(set.lookup("B01", on: Self.date("20251001")) == .notValidOnDate)
        #expect(set.lookup("C01", on: Self.date("20250901")) == .notValidOnDate)
        #expect(set.lookup("C01", on: Self.date("20251001")) == .valid([]))
        #expect(set.lookup("Z99", on: Self.date("20250501")) == .unknown)
        #expect(set.lookup("Z99", on: Self.date("20240101")) == .notCovered)
    }

    /// `lookups` answers for the date and for no date from one look-up, as `lookup` does for each.
    @Test func oneLookUpGivesTheStandingOnTheDateAndWithout() throws {
        let current = try Self.parse("# effective: 20250401\nA02\nA03\n")
        let set = current.merging(release: try Self.parse("A03\tN\n"), effective: Self.date("20251001"), version: "2026")
        let before = Self.date("20250901"), after = Self.date("20251101")
        #expect(set.lookups("A03", on: before).onDate == .valid([]))
        #expect(set.lookups("A03", on: after).onDate == .valid(.notOtherwiseClassified))
        #expect(set.lookups("A02", on: after) == (.notValidOnDate, .valid([])))
        #expect(set.lookups("Z99", on: Self.date("20240101")) == (.notCovered, .unknown))
        for code in ["A02", "A03", "Z99"] {
            for date in [nil, Self.date("20240101"), before, after] {
                #expect(set.lookups(code, on: date).anyDate == set.lookup(code), "\(code) on \(String(describing: date))")
            }
        }
    }

    @Test func malformedLinesAreRejected() {
        #expect(throws: CodeSet.ParseError.invalidLine(2)) { try Self.parse("A00\nA01\tB\t2025130\n") }
        #expect(throws: CodeSet.ParseError.noCodes) { try Self.parse("# kind: x\n") }
    }

    @Test func mergingANewReleaseKeepsHistory() throws {
        let current = try Self.parse("# effective: 20250401\nA01\nA02\nA03\n")
        let release = try Self.parse("A01\nA03\tH\nA04\n")
        let merged = current.merging(release: release, effective: Self.date("20251001"), version: "2026")
        let before = Self.date("20250901")
        let after = Self.date("20251101")
        #expect(merged.lookup("A02", on: before) == .valid([]))
        #expect(merged.lookup("A02", on: after) == .notValidOnDate)
        #expect(merged.lookup("A03", on: before) == .valid([]))
        #expect(merged.lookup("A03", on: after) == .valid(.header))
        #expect(merged.lookup("A04", on: before) == .notValidOnDate)
        #expect(merged.lookup("A04", on: after) == .valid([]))
        let reparsed = try CodeSet(parsing: Array(merged.serialized().utf8), kind: "test")
        #expect(reparsed.lookup("A03", on: before) == .valid([]) && reparsed.lookup("A03", on: after) == .valid(.header))
        #expect(reparsed.metadata.version == "2026")
    }

    @Test func shippedCodeSetsLoad() {
        let sets = CodeSets.standard
        #expect(sets.icd10cm.count > 90_000)
        #expect(sets.hcpcs.count > 8_000)
        #expect(sets.placesOfService.contains("11") && !sets.placesOfService.contains("98"))
        #expect(sets.zipPrefixes.zip("10001", isIn: "NY") == true)
        #expect(sets.zipPrefixes.zip("10001", isIn: "CA") == false)
        #expect(sets.icd10cm.lookup("E119", on: Self.date("20251110")) == .valid([]))
        #expect(sets.icd10cm.lookup("E11", on: Self.date("20251110")) == .valid(.header))
    }

    /// CMS's MBI format, position by position, and the six letters it never uses.
    @Test func medicareBeneficiaryIdentifiers() {
        #expect(PayerEdits.isMBI("1EG4TE5MK73"))
        #expect(PayerEdits.isMBI("9AA0AA0AA00"))
        for letter in "BILOSZ" {
            #expect(!PayerEdits.isMBI("1\(letter)G4TE5MK73"), "\(letter)")
        }
        for invalid in ["0EG4TE5MK73", "1EG4TE5MK7", "1EG4TE5MK733", "11G4TE5MK73", "1E-4TE5MK73", "1EG4TE5MKA3", "1eg4te5mk73"] {
            #expect(!PayerEdits.isMBI(invalid), "\(invalid)")
        }
    }

    /// SVC-056 looks up only modifiers shaped like HCPCS Level II ones: not CPT's (two digits, P1–P6,
    /// 1P, 2P, 3P, 8P), not an ambulance origin and destination pair (GP is one: G and P are both
    /// locations), two capitals or digits.
    @Test(arguments: [
        ("RT", true), ("KX", true), ("ZZ", true), ("P7", true), ("4P", true), ("RA", true), ("AR", true),
        ("25", false), ("P1", false), ("P6", false), ("1P", false), ("8P", false), ("RH", false), ("XR", false),
        ("DE", false), ("GP", false), ("r1", false), ("R-", false),
    ])
    func hcpcsModifierShapes(modifier: String, shaped: Bool) {
        let bytes = Array(modifier.utf8)
        #expect(ProcedureEdits.isHCPCSShaped(bytes[0], bytes[1]) == shaped)
    }

    /// CPT anesthesia codes, 00100–01999 (SVC-010, SVC-052).
    @Test(arguments: [
        ("00100", true), ("01999", true), ("00840", true), ("00099", false), ("02000", false), ("0010F", false),
        ("99213", false), ("0100", false), ("001000", false), ("J0100", false),
    ])
    func anesthesiaCodes(code: String, anesthesia: Bool) {
        #expect(ProcedureEdits.isAnesthesia(code) == anesthesia)
    }

    @Test func npiCheckDigit() {
        #expect(ProviderIdentifierEdits.isValidNPI("1234567893"))
        #expect(ProviderIdentifierEdits.isValidNPI("1558598797"))
        #expect(!ProviderIdentifierEdits.isValidNPI("1234567890"))
        #expect(!ProviderIdentifierEdits.isValidNPI("123456789"))
    }
}
