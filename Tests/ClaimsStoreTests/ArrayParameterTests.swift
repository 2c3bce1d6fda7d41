import ClaimsStore
import Testing

@Suite("Array parameters")
struct ArrayParameterTests {
    @Test func literalsQuoteEverything() {
        #expect(ArrayParameter.text([]) == "{}")
        #expect(ArrayParameter.text(["a", "NULL", "b\"c", "d\\e", "f,g"]) == #"{"a","NULL","b\"c","d\\e","f,g"}"#)
    }
}
