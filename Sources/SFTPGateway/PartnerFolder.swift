import CLibSSH
import Glibc

/// One of a partner's two real folders, held open as a directory descriptor.
///
/// Every operation names a single plain entry relative to this descriptor (`openat`, `fstatat`,
/// `unlinkat`, `renameat2`) with `O_NOFOLLOW`/`AT_SYMLINK_NOFOLLOW`, and only regular files with one
/// link are ever opened, listed or removed: a symlink or hard link planted in the folder leads
/// nowhere, and nothing is looked up by path string. Confined to its session's thread.
final class PartnerFolder {
    let descriptor: Int32

    /// Opens (creating if needed) `name` under the already open `parent` folder; refuses a symlink.
    init(named name: String, in parent: Int32) throws(SFTPStatus) {
        var fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0, errno == ENOENT {
            _ = mkdirat(parent, name, 0o750)
            fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else { throw SFTPStatus.from(errno: errno) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// `stat` of a plain regular file with a single link; nil otherwise (missing, symlink, folder,
    /// device, hard link).
    func regularFile(_ name: String) -> stat? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, Self.isSafe(info) else { return nil }
        return info
    }

    /// Opens a regular single-link file for reading.
    func openForReading(_ name: String) throws(SFTPStatus) -> Int32 {
        let fd = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw SFTPStatus.from(errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0, Self.isSafe(info) else {
            close(fd)
            throw SFTPStatus.noSuchFile
        }
        return fd
    }

    /// Opens `name` for writing (and reading, for the inspection at CLOSE): emptied when `truncate`, else continued (resumed upload). A
    /// non-regular or multiply linked file under that name is removed first, never written through.
    func openForWriting(_ name: String, truncate: Bool) throws(SFTPStatus) -> Int32 {
        var info = stat()
        if fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, truncate || !Self.isSafe(info) {
            guard unlinkat(descriptor, name, 0) == 0 else { throw SFTPStatus.from(errno: errno) }
        }
        let fd = openat(descriptor, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw SFTPStatus.from(errno: errno) }
        guard fstat(fd, &info) == 0, Self.isSafe(info) else {
            close(fd)
            throw SFTPStatus.permissionDenied
        }
        return fd
    }

    /// Renames `from` to `to` in this folder, failing if `to` exists (a pending file is never
    /// replaced behind the watcher's back).
    func rename(_ from: String, to: String) throws(SFTPStatus) {
        guard cg_renameat_noreplace(descriptor, from, descriptor, to) == 0 else { throw SFTPStatus.from(errno: errno) }
    }

    func remove(_ name: String) throws(SFTPStatus) {
        guard regularFile(name) != nil else { throw SFTPStatus.noSuchFile }
        guard unlinkat(descriptor, name, 0) == 0 else { throw SFTPStatus.from(errno: errno) }
    }

    /// Sets access and modification times of a listed file (SETSTAT); nothing else is changed.
    func setTimes(_ name: String, access: UInt32, modification: UInt32) throws(SFTPStatus) {
        guard regularFile(name) != nil else { throw SFTPStatus.noSuchFile }
        var times = [timespec(tv_sec: Int(access), tv_nsec: 0), timespec(tv_sec: Int(modification), tv_nsec: 0)]
        guard utimensat(descriptor, name, &times, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw SFTPStatus.from(errno: errno)
        }
    }

    /// Plain, visible, regular single-link files, sorted by name.
    func listing() -> [(name: String, info: stat)] {
        Self.entryNames(of: descriptor)
            .compactMap { name in VirtualPath.isPlainName(name) ? regularFile(name).map { (name, $0) } : nil }
            .sorted { $0.name < $1.name }
    }

    /// Entry names of an open folder, `.` and `..` excluded; read through a duplicate descriptor so
    /// `folder` stays open and positioned.
    static func entryNames(of folder: Int32) -> [String] {
        let fd = openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0, let directory = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            return []
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    static func isSafe(_ info: stat) -> Bool {
        (info.st_mode & S_IFMT) == S_IFREG && info.st_nlink == 1
    }
}
