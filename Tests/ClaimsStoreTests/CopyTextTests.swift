import ClaimsStore
import Testing

@Suite("COPY text format")
struct CopyTextTests {
    @Test(arguments: [
        ("plain", "plain"), ("a\tb", "a\\tb"), ("a\nb", "a\\nb"), ("a\\b", "a\\\\b"), ("a\rb", "a\\rb"),
        ("\\N", "\\\\N"), ("é\t✓", "é\\t✓"),
    ])
    func escapes(input: String, expected: String) {
        var text = CopyText()
        text.field(input)
        #expect(String(decoding: text.bytes, as: UTF8.self) == expected)
    }

    @Test func rowsUseBackslashNForNull() {
        var text = CopyText()
        text.row(["1", nil, "x y"])
        text.row([nil])
        #expect(String(decoding: text.bytes, as: UTF8.self) == "1\t\\N\tx y\n\\N\n")
    }

    @Test func byteaIsEscapedHex() {
        var text = CopyText()
        text.bytea([0x00, 0xAB, 0xFF])
        text.bytea(nil as [UInt8]?)
        text.endRow()
        #expect(String(decoding: text.bytes, as: UTF8.self) == "\\\\x00abff\t\\N\n")
    }

    @Test func arrayLiteralsQuoteEverything() {
        #expect(CopyText.textArray([]) == "{}")
        #expect(CopyText.textArray(["a", "NULL", "b\"c", "d\\e", "f,g"]) == #"{"a","NULL","b\"c","d\\e","f,g"}"#)
        #expect(CopyText.integerArray([1, 2, 3]) == "{1,2,3}")
    }
}
