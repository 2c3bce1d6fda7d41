import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// One watched partner folder: an inotify watch plus a descriptor of the folder opened with
/// `O_NOFOLLOW`.
///
/// Entries are examined with `fstatat(…, AT_SYMLINK_NOFOLLOW)` relative to that descriptor, so
/// neither the folder nor a dropped file is ever followed through a symlink, even if the folder's
/// path is swapped after it was opened. Confined to the reader thread.
final class PartnerFolder {
    /// What a directory entry is, as far as the watcher cares.
    enum EntryKind: Equatable { case regular, symlink, other, missing }

    /// Events asked for on every partner folder. `IN_MOVE_SELF`/`IN_DELETE_SELF` tell us the
    /// folder's path no longer leads to the watched inode; `IN_EXCL_UNLINK` drops events for
    /// files already unlinked (the consumer moved them away).
    static let eventMask =
        UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_DELETE_SELF) | UInt32(IN_EXCL_UNLINK) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    let partner: String
    let url: URL
    let watch: Int32
    private let directory: OwnedDescriptor

    private init(partner: String, url: URL, watch: Int32, directory: OwnedDescriptor) {
        self.partner = partner
        self.url = url
        self.watch = watch
        self.directory = directory
    }

    /// Opens (creating it if missing) and watches `<root>/<partner>/`. Logs and returns nil when the
    /// folder is a symlink, not a directory, or cannot be opened or watched.
    static func open(
        partner: String,
        root: URL,
        permissions: UInt16,
        inotify: OwnedDescriptor,
        logger: Logger
    ) -> PartnerFolder? {
        var logger = logger
        logger[metadataKey: "partner.id"] = "\(partner)"
        let url = root.appending(component: partner, directoryHint: .isDirectory)
        let path = root.path + "/" + partner
        func failure(_ what: String) -> PartnerFolder? {
            let number = errno
            logger.error(
                "Partner folder not watched: \(what)",
                metadata: ["error.errno": "\(number)", "error.message": "\(String(cString: strerror(number)))"]
            )
            return nil
        }

        var created = false
        var fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0, errno == ENOENT {
            if mkdir(path, mode_t(permissions)) == 0 {
                created = true
            } else if errno != EEXIST {
                return failure("mkdir")
            }
            fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        if fd < 0 {
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                logger.error("Partner folder not watched: it is a symlink, which the watcher never follows")
                return nil
            }
            return failure("open")
        }
        let directory = OwnedDescriptor(adopting: fd)
        // mkdir's mode is narrowed by the umask; the configured permissions are the contract.
        if created, fchmod(fd, mode_t(permissions)) != 0 {
            return failure("fchmod")
        }
        let watch = inotify_add_watch(inotify.rawValue, path, eventMask)
        if watch < 0 {
            return failure("inotify_add_watch")
        }
        if created {
            logger.notice("Created partner inbox folder", metadata: ["inbox.path": "\(path)"])
        }
        return PartnerFolder(partner: partner, url: url, watch: watch, directory: directory)
    }

    /// The names in the folder (without `.` and `..`), sorted, or nil if it cannot be read.
    /// Names that are not valid UTF-8 are left out.
    func entryNames() -> [String]? {
        // A fresh open file description, so each scan starts at the beginning.
        let fd = openat(directory.rawValue, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard let stream = fdopendir(fd) else {
            close(fd)
            return nil
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(validating: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let name, name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// What `name` is, without following a symlink.
    func kind(of name: String) -> EntryKind {
        var info = stat()
        guard fstatat(directory.rawValue, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    func file(named name: String) -> InboxFile {
        InboxFile(partner: partner, name: name, url: url.appending(component: name, directoryHint: .notDirectory))
    }
}
