import Foundation

extension InboxWatcher {
    /// What to watch and how. Composed by the app from `gateway.yaml` and `partners.yaml`.
    public struct Configuration: Sendable {
        /// Suffixes SFTP servers and clients use for uploads in progress (OpenSSH-style `.part`,
        /// generic `.tmp`, WinSCP's `.filepart`).
        public static let defaultIgnoredSuffixes = [".part", ".tmp", ".filepart"]

        /// The inbox root (`<data root>/inbox`). Each partner's folder is `<root>/<partner>/`.
        /// Created (0750) if missing. The root itself may be reached through a symlink; partner
        /// folders may not.
        public var root: URL
        /// Partner ids to watch. Each must be a single, non-hidden path component; others are
        /// logged and skipped. Change at runtime with ``InboxWatcher/update(partners:)``.
        public var partners: Set<String>
        /// File names ending with one of these (compared case-insensitively) are uploads in progress:
        /// ignored until renamed to a final name.
        public var ignoredSuffixes: [String]
        /// Names starting with `.` are ignored (the SFTP server writes to a hidden temporary name).
        public var ignoresHiddenFiles: Bool
        /// How many reported files may wait for the consumer before the reader thread blocks.
        /// While it blocks, the kernel keeps queueing events; if that queue overflows the watcher
        /// rescans, so a small value costs throughput, never files. Default 256.
        public var bufferCapacity: Int
        /// Permissions of partner folders (and the root) the watcher creates. Default 0750.
        public var folderPermissions: UInt16

        public init(
            root: URL,
            partners: Set<String>,
            ignoredSuffixes: [String] = Configuration.defaultIgnoredSuffixes,
            ignoresHiddenFiles: Bool = true,
            bufferCapacity: Int = 256,
            folderPermissions: UInt16 = 0o750
        ) {
            self.root = root
            self.partners = partners
            self.ignoredSuffixes = ignoredSuffixes
            self.ignoresHiddenFiles = ignoresHiddenFiles
            self.bufferCapacity = max(1, bufferCapacity)
            self.folderPermissions = folderPermissions
        }
    }
}
