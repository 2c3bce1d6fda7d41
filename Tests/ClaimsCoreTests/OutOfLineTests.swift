import ClaimsCore
import Testing

/// `OutOfLine` behaves as a plain value: copies are independent, and an empty value allocates
/// nothing until written.
@Suite struct OutOfLineTests {
    static func line() -> ServiceLine {
        ServiceLine(
            lineNumber: 1, procedureQualifier: "HC", procedureCode: "99213", modifiers: [], charge: .zero, unitBasis: "UN",
            units: 1, diagnosisPointers: [1], serviceDateFrom: nil)
    }

    @Test func aCopyChangesIndependentlyOfItsOriginal() {
        var original = Self.line()
        original.details.ndc = "00002143380"
        var copy = original
        copy.details.ndc = "00093715601"
        copy.details.controlNumber = "6R-1"
        #expect(original.details.ndc == "00002143380")
        #expect(original.details.controlNumber == nil)
        #expect(copy.details.ndc == "00093715601")
        #expect(original != copy)
        copy.details = original.details
        #expect(original == copy)
    }

    @Test func writingAnEmptyValueNeverChangesTheSharedEmptyOne() {
        var first = Self.line()
        let second = Self.line()
        first.details.emergency = "Y"
        #expect(second.details.emergency == nil)
        #expect(Self.line().details == LineDetails())
    }

    /// The validator remembers its verdicts on a shared party by this identity.
    @Test func copiesShareTheBoxIdentityUntilOneChanges() {
        var original = Self.line()
        original.details.ndc = "00002143380"
        var copy = original
        #expect(copy.$details == original.$details)
        copy.details.ndc = "00093715601"
        #expect(copy.$details != original.$details)
    }

    @Test func equalValuesInSeparateBoxesCompareEqual() {
        var first = Self.line()
        var second = Self.line()
        first.details.cliaNumber = "12D3456789"
        second.details.cliaNumber = "12D3456789"
        #expect(first == second)
        second.details.cliaNumber = nil
        #expect(second == Self.line())
    }
}
