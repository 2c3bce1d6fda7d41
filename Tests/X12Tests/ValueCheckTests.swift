import Foundation
import Testing
import X12
import X12Schema

@testable import X12Validation

/// The value checks read values as numbers and words; they must answer as the plain definitions
/// do: a Gregorian calendar for dates, clock ranges for times, byte-for-byte equality for codes.
@Suite struct ValueCheckTests {
    @Test func datesAgreeWithTheGregorianCalendar() {
        let calendar = Calendar(identifier: .gregorian)
        for year in [1, 1600, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d%02d%02d", year, month, day)
                    let components = DateComponents(calendar: calendar, year: year, month: month, day: day)
                    let expected = (1...12).contains(month) && day >= 1 && components.isValidDate
                    #expect(Self.check(text, ValueSyntax.isDate) == expected, "\(text)")
                }
            }
        }
        for text in ["2024022", "202402290", "2024-229", "2024022A", " 0240229", "20240229 "] {
            #expect(!Self.check(text, ValueSyntax.isDate), "\(text)")
        }
    }

    @Test func timesAgreeWithTheClock() {
        for hour in 0...25 {
            for minute in stride(from: 0, through: 61, by: 1) {
                let hhmm = String(format: "%02d%02d", hour, minute)
                let clock = hour < 24 && minute < 60
                #expect(Self.check(hhmm, ValueSyntax.isTime) == clock, "\(hhmm)")
                for second in [0, 59, 60, 99] {
                    let hhmmss = hhmm + String(format: "%02d", second)
                    #expect(Self.check(hhmmss, ValueSyntax.isTime) == (clock && second < 60), "\(hhmmss)")
                    #expect(Self.check(hhmmss + "5", ValueSyntax.isTime) == (clock && second < 60), "\(hhmmss)5")
                    #expect(Self.check(hhmmss + "57", ValueSyntax.isTime) == (clock && second < 60), "\(hhmmss)57")
                }
            }
        }
        for text in ["123", "12345", "123456789", "12:4", "1234A6", "123456A", "12345678A"] {
            #expect(!Self.check(text, ValueSyntax.isTime), "\(text)")
        }
    }

    /// Codes of every length up to twelve, values taken from every offset of a buffer (the last
    /// ones with fewer than eight bytes after them), NUL bytes and prefixes of codes among them.
    @Test func codeListsMatchExactlyTheirCodes() {
        var random = SeededRandom(seed: 0xC0DE_5E7)
        let alphabet = Array("AB0\u{0}".utf8)
        func text(_ count: Int) -> [UInt8] { (0..<count).map { _ in alphabet[Int(random.bits() % UInt64(alphabet.count))] } }
        for _ in 0..<200 {
            let codes = (0..<Int(random.bits() % 6 + 1)).map { _ in text(Int(random.bits() % 12) + 1).filter { $0 != 0 } }
                .filter { !$0.isEmpty }
            let list = CodeList(codes.map { String(decoding: $0, as: UTF8.self) })
            let expected = Set(codes)
            var buffer: [UInt8] = []
            for code in codes { buffer += text(Int(random.bits() % 3)) + code }
            buffer += text(20)
            buffer.withUnsafeBufferPointer { bytes in
                for start in 0..<bytes.count {
                    for end in start...min(bytes.count, start + 13) {
                        let value = bytes[start..<end]
                        #expect(list.contains(value) == expected.contains(Array(value)), "\(codes) \(Array(value))")
                    }
                }
            }
        }
    }

    private static func check(_ text: String, _ test: (X12Source.ByteSlice) -> Bool) -> Bool {
        // Bytes around the value, so that a check reading past it would be caught.
        let bytes = Array("99999999".utf8) + Array(text.utf8) + Array("99999999".utf8)
        return bytes.withUnsafeBufferPointer { test($0[8..<8 + text.utf8.count]) }
    }
}
