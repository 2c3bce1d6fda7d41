import ClaimsStore
import Foundation

/// The readable error record kept beside a quarantined file (and in its `files` row): what was
/// wrong, in words, without any of the file's content.
struct QuarantineReport: Encodable {
    var fileID: Int64
    var partner: String
    var originalName: String
    var sha256: String
    var sizeBytes: Int64
    var receivedAt: Date
    var code: String
    var reason: String

    init(record: FileRecord, code: String, reason: String) {
        fileID = record.id
        partner = record.partner
        originalName = record.originalName
        sha256 = record.sha256
        sizeBytes = record.sizeBytes
        receivedAt = record.receivedAt
        self.code = code
        self.reason = reason
    }

    var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return [UInt8]((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }
}
