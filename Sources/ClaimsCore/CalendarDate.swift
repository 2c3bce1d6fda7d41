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
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        self.init(year: value / 10_000, month: value / 100 % 100, day: value % 100)
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
    public var x12: String { formatted(separator: nil) }

    /// `CCYY-MM-DD` (ISO 8601, PostgreSQL `date` text).
    public var description: String { formatted(separator: UInt8(ascii: "-")) }

    /// The digits written into a buffer on the stack: every 277CA and stored claim spells dates.
    private func formatted(separator: UInt8?) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            var count = 0
            func append(_ value: Int, width: Int) {
                var divisor = width == 4 ? 1_000 : 10
                while divisor > 0 {
                    buffer[count] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    count += 1
                    divisor /= 10
                }
            }
            func separate() {
                guard let separator else { return }
                buffer[count] = separator
                count += 1
            }
            append(year, width: 4)
            separate()
            append(month, width: 2)
            separate()
            append(day, width: 2)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
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
