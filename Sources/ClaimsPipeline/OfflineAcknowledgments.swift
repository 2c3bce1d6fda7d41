import Foundation
import X12Acknowledgments

/// The acknowledgments `serve` would write for a file, written without a database (for
/// `claimsgate validate --ack-dir`): control numbers count from 1, claim ids use file id 0.
public enum OfflineAcknowledgments {
    /// Writes one file per acknowledgment kind into `directory`; returns their names.
    @discardableResult
    public static func write(
        _ assessment: FileAssessment, partner: PartnerConfiguration, identity: GatewayIdentity, inboundName: String,
        to directory: URL, now: Date = Date()
    ) async throws -> [String] {
        let planner = AcknowledgmentPlanner(
            identity: identity, partner: partner, receivedAt: AcknowledgmentTimestamp(now), fileID: 0)
        var next = 0
        let files = await AcknowledgmentPlanner.assemble(planner.plan(assessment)) {
            next += 1
            return next
        }
        var names: [String] = []
        for file in files {
            let name = "\(FileProcessor.compactTimestamp(now))_\(inboundName)_\(file.kind.rawValue).x12"
            try DurableFile.write(file.bytes, named: name, in: directory)
            names.append(name)
        }
        return names
    }
}
