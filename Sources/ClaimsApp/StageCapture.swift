import Foundation
import Logging

/// A log handler for `claimsgate bench`: keeps the stage times (`file.stages`) of each
/// `file processed` line by file id, and drops everything else.
struct StageCapture: LogHandler {
    final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var byFile: [String: [String: Double]] = [:]

        func record(_ stages: [String: Double], file: String) { lock.withLock { byFile[file] = stages } }
        func stages(file: String) -> [String: Double]? { lock.withLock { byFile[file] } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(store: Store) { self.store = store }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard case .string(let summary)? = event.metadata?["file.stages"], case .string(let id)? = metadata["file.id"]
        else { return }
        var stages: [String: Double] = [:]
        for pair in summary.split(separator: " ") {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let seconds = Double(parts[1]) { stages[String(parts[0])] = seconds }
        }
        store.record(stages, file: id)
    }
}
