import Foundation

/// A complete file found in a partner's inbox folder.
///
/// "Complete" means the writer closed it (`IN_CLOSE_WRITE`) or it was renamed into place
/// (`IN_MOVED_TO`), or it was already present when the watcher (re)scanned the folder. The same
/// file may be reported more than once (see ``InboxWatcher``), so consumers must be idempotent.
public struct InboxFile: Sendable, Hashable, CustomStringConvertible {
    /// The partner id: the name of the inbox folder the file is in.
    public var partner: String
    /// The file's name inside the partner folder (a single path component, never hidden or temporary).
    public var name: String
    /// `<root>/<partner>/<name>`.
    public var url: URL

    public init(partner: String, name: String, url: URL) {
        self.partner = partner
        self.name = name
        self.url = url
    }

    public var description: String { "\(partner)/\(name)" }
}
