import ClaimsCore
import X12

extension ClaimAcknowledgmentBuilder {
    /// The 277CA being written: the writer plus what every level needs (source, dates, HL ids).
    struct Output {
        var x12 = X12Writer.acknowledgment()
        let source: InformationSource
        let envelope: AcknowledgmentEnvelope
        /// HL01 of the last level written; restarts at each ST.
        private var hierarchicalID = 0

        /// STC02 and `DTP*009`: formatted once, as every claim's STC carries it.
        let processDate: String

        init(source: InformationSource, envelope: AcknowledgmentEnvelope) {
            self.source = source
            self.envelope = envelope
            processDate = envelope.timestamp.groupDate
        }

        /// One 277 transaction set: BHT and 2000A, then the submitter and everything below it.
        /// BHT03 and the 2200A `TRN*1` are ISA13 followed by ST02: unique per 277, and findable
        /// from the envelope alone.
        mutating func write(_ report: ClaimAcknowledgmentReport, controlNumber: String) {
            let traceNumber = envelope.controlNumberText + controlNumber
            hierarchicalID = 0
            x12.segment("ST", "277", controlNumber, ClaimAcknowledgmentBuilder.version)
            x12.segment("BHT", "0085", "08", traceNumber, processDate, envelope.timestamp.time, "TH")
            let sourceLevel = openLevel(parent: nil, code: "20", hasChildren: true)
            x12.segment(
                "NM1", source.role.rawValue, "2", X12Text.sanitized(source.name), "", "", "", "",
                source.identifierQualifier, identifier(source.identifier))
            x12.segment("TRN", "1", traceNumber)
            x12.segment("DTP", "050", "D8", report.receivedDate.x12)
            x12.segment("DTP", "009", "D8", processDate)
            writeReceiver(report, parent: sourceLevel)
            x12.closeTransactionSet(controlNumber: controlNumber)
        }

        /// HL with the next id; HL04 only where X214 uses it (not at 2000D).
        mutating func openLevel(parent: Int?, code: String, hasChildren: Bool?) -> Int {
            hierarchicalID += 1
            x12.open("HL")
            x12.element(String(hierarchicalID))
            x12.element(parent.map(String.init) ?? "")
            x12.element(code)
            x12.element(hasChildren.map { $0 ? "1" : "0" } ?? "")
            x12.close()
            return hierarchicalID
        }

        /// An echoed id, sanitized, or the placeholder when the 837 left it empty.
        func identifier(_ value: String) -> String {
            value.isEmpty ? ClaimAcknowledgmentBuilder.unknownIdentifier : X12Text.sanitized(value)
        }
    }
}
