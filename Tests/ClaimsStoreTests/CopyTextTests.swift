import ClaimsStore
import Testing

@Suite("COPY text format")
struct CopyTextTests {
    @Test(arguments: [
        ("plain", "plain"), ("a\tb", "a\\tb"), ("a\nb", "a\\nb"), ("a\\b", "a\\\\b"), ("a\rb", "a\\rb"),
        ("\\N", "\\\\N"), ("é\t✓", "é\\t✓"),
    ])
    func escapes(input: String, expected: String) {
        #expect(CopyText.escape(input) == expected)
    }

    @Test func rowsUseBackslashNForNull() {
        #expect(CopyText.row(["1", nil, "x y"]) == "1\t\\N\tx y\n")
    }

    @Test func arrayLiteralsQuoteEverything() {
        #expect(CopyText.textArray([]) == "{}")
        #expect(CopyText.textArray(["a", "NULL", "b\"c", "d\\e", "f,g"]) == #"{"a","NULL","b\"c","d\\e","f,g"}"#)
        #expect(CopyText.integerArray([1, 2, 3]) == "{1,2,3}")
    }
}
