import ClaimsCore

/// The moment an acknowledgment is written, as its envelope and dates show it.
///
/// An input rather than a clock read so that builders are pure: the same findings and the same
/// timestamp give the same bytes, which is what makes golden tests and crash-safe re-issue work.
public struct AcknowledgmentTimestamp: Sendable, Hashable {
    public var date: CalendarDate
    /// 0...23.
    public var hour: Int
    /// 0...59.
    public var minute: Int

    public init(date: CalendarDate, hour: Int, minute: Int) {
        precondition((0...23).contains(hour) && (0...59).contains(minute), "hour 0-23, minute 0-59")
        self.date = date
        self.hour = hour
        self.minute = minute
    }

    /// ISA09 (`YYMMDD`).
    var interchangeDate: String { String(date.x12.dropFirst(2)) }
    /// GS04, BHT04, DTP `D8` (`CCYYMMDD`).
    var groupDate: String { date.x12 }
    /// ISA10, GS05, BHT05 (`HHMM`).
    var time: String { Self.twoDigits(hour) + Self.twoDigits(minute) }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
