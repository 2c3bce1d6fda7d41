import ClaimsPipeline
import Foundation
import Glibc
import Logging
import SFTPGateway

/// The gateway's check of an SFTP upload at CLOSE: within the partner's size limit, starts with an
/// ISA, and names one of the partner's sender ids in ISA05/ISA06. A refused upload is moved to
/// `var/quarantine/<id>_<name>` with an `.error.json` record beside it, and the partner gets an SFTP
/// failure status; it never reaches the inbox watcher, so it has no `files` row.
struct ClaimsUploadInspector: UploadInspector {
    let partners: PartnerRegistry
    let quarantine: URL
    let logger: Logger

    func inspect(_ upload: CompletedUpload) -> UploadVerdict {
        guard let reason = problem(with: upload) else { return .accept }
        quarantine(upload, code: reason.code, reason: reason.text)
        return .refuse(reason: reason.text)
    }

    func problem(with upload: CompletedUpload) -> (code: String, text: String)? {
        guard let partner = partners.partner(upload.user) else { return ("unknown-partner", "no such partner") }
        if upload.size > partner.maxFileSize {
            return ("too-large", "file exceeds the partner's size limit of \(partner.maxFileSize) bytes")
        }
        var prefix = [UInt8](repeating: 0, count: 512)
        let count = prefix.withUnsafeMutableBytes { pread(upload.descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0, let header = InterchangeHeader(prefix: Array(prefix[..<count])) else {
            return ("not-x12", "file does not start with an ISA segment")
        }
        guard partner.owns(qualifier: header.senderQualifier, id: header.senderID) else {
            return ("sender-not-partner", "ISA05/ISA06 is not one of this partner's sender ids")
        }
        return nil
    }

    /// Moves the temporary file into quarantine by descriptor (`renameat`, no path lookup in the
    /// inbox) and writes its error record.
    func quarantine(_ upload: CompletedUpload, code: String, reason: String) {
        let id = "sftp-\(Self.stamp())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let name = "\(id)_\(upload.name)"
        do {
            try DurableFile.createDirectory(quarantine)
            let folder = open(quarantine.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if folder >= 0 { close(folder) } }
            guard folder >= 0, renameat(upload.folderDescriptor, upload.temporaryName, folder, name) == 0 else {
                throw QuarantineFailure(code: errno)
            }
            let record = RefusedUploadReport(
                id: id, partner: upload.user, originalName: upload.name, sizeBytes: upload.size, receivedAt: Date(),
                channel: "sftp", code: code, reason: reason)
            try DurableFile.write(record.json, named: name + ".error.json", in: quarantine)
            logger.warning(
                "sftp upload quarantined",
                metadata: ["partner.id": "\(upload.user)", "file.name": "\(upload.name)", "quarantine.id": "\(id)", "error.code": "\(code)"])
        } catch {
            logger.error("refused upload could not be quarantined", metadata: ["partner.id": "\(upload.user)", "error": "\(error)"])
        }
    }

    struct QuarantineFailure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "cannot move the upload to quarantine: \(String(cString: strerror(code)))" }
    }

    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return formatter.string(from: Date())
    }
}

/// The error record beside a refused upload in quarantine (same shape as the pipeline's, with the
/// upload's id instead of a file id).
struct RefusedUploadReport: Encodable {
    var id: String
    var partner: String
    var originalName: String
    var sizeBytes: Int
    var receivedAt: Date
    var channel: String
    var code: String
    var reason: String

    var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return [UInt8]((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }
}
