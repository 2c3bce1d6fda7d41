import CLibSSH
import Glibc

/// Requests that name a path: REALPATH, STAT/LSTAT, OPENDIR/READDIR, REMOVE, RENAME, SETSTAT.
extension SFTPSession {
    func realPath(_ message: sftp_client_message) -> SFTPStatus? {
        guard let path = path(message) else { return .noSuchFile }
        let attributes = (try? attributes(of: path)) ?? .folder
        attributes.withLibSSH { _ = sftp_reply_name(message, path.absolute, $0) }
        return nil
    }

    func stat(_ message: sftp_client_message) -> SFTPStatus? {
        guard let path = path(message) else { return .noSuchFile }
        do {
            let attributes = try attributes(of: path)
            attributes.withLibSSH { _ = sftp_reply_attr(message, $0) }
            return nil
        } catch {
            return error
        }
    }

    /// Attributes of a virtual path. An inbox name with no file but a partial upload reports the
    /// partial's size, which is how resuming clients learn where to continue.
    func attributes(of path: VirtualPath) throws(SFTPStatus) -> FileAttributes {
        switch path {
        case .root, .folder: return .folder
        case .file(let folder, let name):
            let real = files.folder(folder)
            if let info = real.regularFile(name) { return FileAttributes(info) }
            if folder == .inbox {
                if let info = real.regularFile(PartnerFiles.temporaryName(for: name)) { return FileAttributes(info) }
                if let size = completedUploads[name] {
                    return FileAttributes(size: size, permissions: UInt32(S_IFREG) | 0o640, accessTime: 0, modificationTime: 0)
                }
            }
            throw .noSuchFile
        }
    }

    func openDirectory(_ message: sftp_client_message) -> SFTPStatus? {
        guard let path = path(message) else { return .noSuchFile }
        guard !handles.isFull else { return .failure("too many open handles") }
        let entries: [(name: String, attributes: FileAttributes)]
        switch path {
        case .root: entries = VirtualPath.Folder.allCases.map { ($0.rawValue, .folder) }
        case .folder(let folder): entries = files.folder(folder).listing().map { ($0.name, FileAttributes($0.info)) }
        case .file: return .failure("not a folder")
        }
        replyHandle(message, handles.insert(.listing(entries: entries, next: 0)))
        return nil
    }

    /// Hands out the listing taken at OPENDIR, up to 100 names a reply, then end of file.
    func readDirectory(_ message: sftp_client_message) -> SFTPStatus? {
        let handle = handleBytes(message)
        guard case .listing(let entries, let next) = handles[handle] else { return .invalidHandle }
        guard next < entries.count else { return .endOfFile }
        let batch = entries[next..<min(entries.count, next + 100)]
        for entry in batch {
            entry.attributes.withLibSSH { _ = sftp_reply_names_add(message, entry.name, entry.attributes.longName(entry.name), $0) }
        }
        sftp_reply_names(message)
        handles[handle] = .listing(entries: entries, next: next + batch.count)
        return nil
    }

    /// Acknowledgments are removed from `/outbox`; nothing else can be removed.
    func remove(_ message: sftp_client_message) -> SFTPStatus? {
        guard let path = path(message) else { return .noSuchFile }
        guard case .file(.outbox, let name) = path else { return .permissionDenied }
        do {
            try files.outbox.remove(name)
            context.audit.record(.removed(user: files.user, name: name))
            return .ok
        } catch {
            return error
        }
    }

    /// Renames a pending file in `/inbox` (as clients that upload under a temporary name of their
    /// own do); never onto an existing name, never across folders, never in `/outbox`.
    func rename(_ message: sftp_client_message) -> SFTPStatus? {
        guard let source = path(message), let target = targetPath(message) else { return .noSuchFile }
        guard case .file(.inbox, let from) = source, case .file(.inbox, let to) = target else { return .permissionDenied }
        guard files.inbox.regularFile(from) != nil else { return .noSuchFile }
        do {
            try files.inbox.rename(from, to: to)
            return .ok
        } catch {
            return error
        }
    }

    /// Accepted for compatibility (`put -p`, WinSCP): times of a listed file are set, every other
    /// attribute is ignored.
    func setStat(_ message: sftp_client_message) -> SFTPStatus? {
        guard let path = path(message) else { return .noSuchFile }
        guard case .file(let folder, let name) = path, let attributes = message.pointee.attr else { return .ok }
        guard attributes.pointee.flags & UInt32(SSH_FILEXFER_ATTR_ACMODTIME) != 0 else { return .ok }
        let real = files.folder(folder)
        if folder == .inbox, real.regularFile(name) == nil, completedUploads[name] != nil { return .ok }
        let target = real.regularFile(name) == nil && folder == .inbox ? PartnerFiles.temporaryName(for: name) : name
        do {
            try real.setTimes(target, access: attributes.pointee.atime, modification: attributes.pointee.mtime)
            return .ok
        } catch {
            return error
        }
    }
}
