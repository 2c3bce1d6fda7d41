import Foundation

extension SyntheticClaimFile {
    /// Header of the labels CSV.
    public static let labelsHeader = "patient_control_number,denied,probability,patterns"

    /// The labels CSV of a labelled file: one row per claim, CLM01, `1` denied / `0` paid, the
    /// true probability and the planted patterns (`;`-separated; for inspection, never for training).
    public func writeLabels(to handle: FileHandle) throws {
        var text = Self.labelsHeader + "\n"
        for index in 0..<options.claims {
            let labelled = groundTruth.claim(at: index)
            text += "\(labelled.claim.patientControlNumber),\(labelled.denied ? 1 : 0),"
            text += String(format: "%.6f", labelled.probability) + ","
            text += labelled.patterns.map(\.rawValue).joined(separator: ";") + "\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
    }
}
