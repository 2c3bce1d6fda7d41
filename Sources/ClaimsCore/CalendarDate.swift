/// A date without time or zone, as X12 sends it (`CCYYMMDD`, DT type).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails for impossible dates (month 13, 30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly eight digits `CCYYMMDD`.
    public init?<C: Collection<UInt8>>(x12 bytes: C) {
        guard bytes.count == 8 else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(8)
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            digits.append(Int(byte - UInt8(ascii: "0")))
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        self.init(year: year, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
    }

    public init?(_ text: String) { self.init(x12: Array(text.utf8)) }

    /// Days in `month` of `year` (leap years included).
    public static func daysInMonth(_ month: Int, year: Int) -> Int { daysIn(month: month, year: year) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `CCYYMMDD`.
    public var x12: String {
        String(zeroPadded: year, width: 4) + String(zeroPadded: month, width: 2) + String(zeroPadded: day, width: 2)
    }

    /// `CCYY-MM-DD` (ISO 8601, PostgreSQL `date` text).
    public var description: String {
        String(zeroPadded: year, width: 4) + "-" + String(zeroPadded: month, width: 2) + "-" + String(zeroPadded: day, width: 2)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension String {
    /// Zero-padded decimal digits (`7`, width 2 → `07`).
    init(zeroPadded value: Int, width: Int) {
        let digits = String(describing: value)
        self = String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
