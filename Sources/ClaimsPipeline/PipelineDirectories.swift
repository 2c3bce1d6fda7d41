import ClaimsCore
import Foundation

/// Where files go during and after processing (all under the data root's `var/`).
public struct PipelineDirectories: Sendable {
    public var processing: URL
    public var archive: URL
    public var quarantine: URL
    public var outbox: URL

    public init(processing: URL, archive: URL, quarantine: URL, outbox: URL) {
        self.processing = processing
        self.archive = archive
        self.quarantine = quarantine
        self.outbox = outbox
    }

    /// A partner's outbox, where its acknowledgments wait to be collected.
    public func outbox(for partner: String) -> URL { outbox.appendingPathComponent(partner, isDirectory: true) }

    /// `archive/<yyyy>/<mm>/`, by receipt date, so no folder grows without bound.
    public func archive(receivedAt date: Date) -> URL {
        let parts = Calendar.utc.dateComponents([.year, .month], from: date)
        return archive.appendingPathComponent(String(format: "%04d/%02d", parts.year ?? 0, parts.month ?? 0), isDirectory: true)
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

extension CalendarDate {
    /// The UTC calendar date of `date`.
    public init(utc date: Date) {
        let parts = Calendar.utc.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
