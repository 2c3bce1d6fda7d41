import X12
import X12Schema

/// Byte-level checks of X12 values by data type (X12.6 §3.5), without building Strings.
enum ValueSyntax {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Printable characters of the basic and extended character sets, not only spaces, and not
    /// `excluded` (a repetition separator, itself printable; 0 for none). Read eight bytes at a
    /// time: names and addresses are the longest values of a claim.
    @inline(__always) static func isText(_ value: X12Source.ByteSlice, excluding excluded: UInt8) -> Bool {
        var index = value.startIndex
        var sawNonSpace = false
        if let base = value.base.baseAddress {
            let excludedLanes = ByteLanes.filled(excluded)
            while index + 8 <= value.endIndex {
                let word = ByteLanes.load(base + index)
                if ByteLanes.unprintable(word) | ByteLanes.zero(word ^ excludedLanes) != 0 { return false }
                if word != 0x2020_2020_2020_2020 { sawNonSpace = true }
                index += 8
            }
        }
        while index < value.endIndex {
            let byte = value.base[index]
            guard byte >= 0x20, byte < 0x7F, byte != excluded else { return false }
            if byte != 0x20 { sawNonSpace = true }
            index += 1
        }
        return sawNonSpace
    }

    /// Digits in a numeric (`N`) or decimal (`R`) value; nil when it holds anything else (a sign is
    /// allowed first, a decimal point once in `R`) or `excluded` (a repetition separator, even one
    /// chosen among the sign and the point; 0 for none).
    static func digitCount(_ value: X12Source.ByteSlice, allowsPoint: Bool, excluding excluded: UInt8) -> Int? {
        var digits = 0
        var points = 0
        for (offset, byte) in value.enumerated() {
            if byte == excluded {
                return nil
            } else if isDigit(byte) {
                digits += 1
            } else if byte == UInt8(ascii: "-"), offset == 0 {
                continue
            } else if byte == UInt8(ascii: "."), allowsPoint, points == 0 {
                points += 1
            } else {
                return nil
            }
        }
        return digits == 0 ? nil : digits
    }

    /// `CCYYMMDD` naming a real calendar day, read as one number. Out of line, like `isTime`:
    /// inlined into the element checker's `problem`, they kept it from being inlined itself.
    @inline(never) static func isDate(_ value: X12Source.ByteSlice) -> Bool {
        guard value.count == 8, let number = decimal(value) else { return false }
        let year = number / 10_000
        let month = number / 100 % 100
        let day = number % 100
        guard month >= 1, month <= 12, day >= 1 else { return false }
        let thirtyDayMonths = 1 << 4 | 1 << 6 | 1 << 9 | 1 << 11
        let length: Int
        if month == 2 {
            length = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        } else {
            length = thirtyDayMonths >> month & 1 == 1 ? 30 : 31
        }
        return day <= length
    }

    /// `HHMM`, `HHMMSS` or `HHMMSSd..` with hours below 24 and minutes and seconds below 60.
    @inline(never) static func isTime(_ value: X12Source.ByteSlice) -> Bool {
        let count = value.count
        guard count == 4 || (6...8).contains(count), let clock = decimal(value.prefix(6)), decimal(value.dropFirst(6)) != nil
        else { return false }
        let (hhmm, seconds) = count == 4 ? (clock, 0) : (clock / 100, clock % 100)
        return hhmm / 100 < 24 && hhmm % 100 < 60 && seconds < 60
    }

    /// The digits of `value` as a number; nil when any byte is not a digit.
    private static func decimal(_ value: X12Source.ByteSlice) -> Int? {
        var number = 0
        for byte in value {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            number = number &* 10 &+ Int(digit)
        }
        return number
    }

    /// Whether `value` is a code X12 itself defines for element `reference` (so a guide-excluded code is
    /// IK403 I6, "not used in this implementation", rather than 7, "invalid code").
    static func isStandardCode(_ value: X12Source.ByteSlice, reference: String) -> Bool {
        guard let codes = standardCodes[reference] else { return false }
        return codes.contains(value)
    }

    /// X12 code lists for the elements whose guide lists are most often confused with them.
    static let standardCodes: [String: CodeList] = [
        "66": CodeList(["1", "9", "24", "34", "46", "FI", "II", "MI", "NI", "PI", "SV", "XV", "XX", "ZZ"]),
        "1250": CodeList(["CM", "CY", "D6", "D8", "DB", "DT", "MD", "RD", "RD6", "RD8", "RDT", "TM", "YY"]),
        "1065": CodeList(["1", "2"]),
        "1005": CodeList(["0019", "0010", "0011", "0012", "0013", "0014"]),
        "353": CodeList(["00", "01", "04", "05", "06", "07", "08", "11", "13", "15", "18", "22"]),
        "640": CodeList(["CH", "RP", "31", "14", "NA"]),
    ]
}
