/// A partner's two real folders, opened relative to the server's root descriptors at login (the
/// partner id is a single name, never a path), and the mapping from virtual folders to them.
final class PartnerFiles {
    let user: String
    let inbox: PartnerFolder
    let outbox: PartnerFolder

    init(user: String, context: ServerContext) throws(SFTPStatus) {
        guard VirtualPath.isPlainName(user) else { throw SFTPStatus.permissionDenied }
        self.user = user
        inbox = try PartnerFolder(named: user, in: context.inboxRoot)
        outbox = try PartnerFolder(named: user, in: context.outboxRoot)
    }

    func folder(_ folder: VirtualPath.Folder) -> PartnerFolder {
        folder == .inbox ? inbox : outbox
    }

    /// The hidden name an upload of `name` is written under until its CLOSE: starts with a dot, so
    /// the inbox watcher never takes it, and is the same for every try, so a resumed upload continues
    /// the partial file.
    static func temporaryName(for name: String) -> String { ".\(name).part" }
}
