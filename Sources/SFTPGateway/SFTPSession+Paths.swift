import CLibSSH
import Glibc

/// Requests that name a path: REALPATH, STAT/LSTAT, OPENDIR/READDIR, REMOVE, RENAME, SETSTAT.
extension SFTPSession {
    func realPath(_ id: UInt32, _ path: String) -> SFTPStatus? {
        guard let path = VirtualPath(path) else { return .noSuchFile }
        let attributes = (try? attributes(of: path)) ?? .folder
        replies.names(id, [(path.absolute, path.absolute, attributes)])
        return nil
    }

    func stat(_ id: UInt32, _ path: String) -> SFTPStatus? {
        guard let path = VirtualPath(path) else { return .noSuchFile }
        do {
            replies.attributes(id, try attributes(of: path))
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

    func openDirectory(_ id: UInt32, _ path: String) -> SFTPStatus? {
        guard let path = VirtualPath(path) else { return .noSuchFile }
        guard !handles.isFull else { return .failure("too many open handles") }
        let entries: [(name: String, attributes: FileAttributes)]
        switch path {
        case .root: entries = VirtualPath.Folder.allCases.map { ($0.rawValue, .folder) }
        case .folder(let folder): entries = files.folder(folder).listing().map { ($0.name, FileAttributes($0.info)) }
        case .file: return .failure("not a folder")
        }
        replyHandle(id, .listing(entries: entries, next: 0))
        return nil
    }

    /// Hands out the listing taken at OPENDIR, up to 100 names a reply, then end of file.
    func readDirectory(_ id: UInt32, _ handle: [UInt8]) -> SFTPStatus? {
        guard case .listing(let entries, let next) = handles[handle] else { return .invalidHandle }
        guard next < entries.count else { return .endOfFile }
        let batch = entries[next..<min(entries.count, next + 100)]
        replies.names(id, batch.map { ($0.name, $0.attributes.longName($0.name), $0.attributes) })
        handles[handle] = .listing(entries: entries, next: next + batch.count)
        return nil
    }

    /// Acknowledgments are removed from `/outbox`; nothing else can be removed.
    func remove(_ path: String) -> SFTPStatus? {
        guard let path = VirtualPath(path) else { return .noSuchFile }
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
    func rename(_ from: String, to: String) -> SFTPStatus? {
        guard let source = VirtualPath(from), let target = VirtualPath(to) else { return .noSuchFile }
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
    func setStat(_ path: String, times: FileTimes?) -> SFTPStatus? {
        guard let path = VirtualPath(path) else { return .noSuchFile }
        guard case .file(let folder, let name) = path, let times else { return .ok }
        let real = files.folder(folder)
        if folder == .inbox, real.regularFile(name) == nil, completedUploads[name] != nil { return .ok }
        let target = real.regularFile(name) == nil && folder == .inbox ? PartnerFiles.temporaryName(for: name) : name
        do {
            try real.setTimes(target, access: times.access, modification: times.modification)
            return .ok
        } catch {
            return error
        }
    }
}
