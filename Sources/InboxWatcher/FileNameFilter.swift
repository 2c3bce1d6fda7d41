/// Decides from its name alone whether a file is final or still being written.
///
/// Pure, so the rules are tested without I/O. Partner ids go through ``isValidPartner(_:)``
/// because they become path components: anything that could climb out of the root is refused.
struct FileNameFilter: Sendable {
    var ignoredSuffixes: [String]
    var ignoresHiddenFiles: Bool

    init(ignoredSuffixes: [String], ignoresHiddenFiles: Bool) {
        self.ignoredSuffixes = ignoredSuffixes.map { $0.lowercased() }.filter { !$0.isEmpty }
        self.ignoresHiddenFiles = ignoresHiddenFiles
    }

    init(_ configuration: InboxWatcher.Configuration) {
        self.init(ignoredSuffixes: configuration.ignoredSuffixes, ignoresHiddenFiles: configuration.ignoresHiddenFiles)
    }

    /// True when a file with this name should be reported (if it is a regular file).
    func admits(_ name: String) -> Bool {
        guard !name.isEmpty, name != ".", name != ".." else { return false }
        if ignoresHiddenFiles, name.hasPrefix(".") { return false }
        let lowered = name.lowercased()
        return !ignoredSuffixes.contains { lowered.hasSuffix($0) }
    }

    /// True when `partner` is usable as one folder name under the root.
    static func isValidPartner(_ partner: String) -> Bool {
        !partner.isEmpty && !partner.hasPrefix(".") && !partner.contains("/") && !partner.utf8.contains(0)
    }
}
