import ClaimsSynthetic
import Testing

@Suite struct NPITests {
    /// `1234567893` is the worked example of the CMS NPI check-digit document.
    @Test func cmsExampleIsValid() {
        #expect(NPI.checkDigit(forFirstNine: "123456789") == 3)
        #expect(NPI.isValid("1234567893"))
    }

    @Test(arguments: ["1234567890", "123456789", "3234567893", "12345678X3", "12345678933"])
    func malformedOrWrongCheckDigitIsInvalid(value: String) {
        #expect(!NPI.isValid(value))
    }
}
