import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// File operations that survive a crash at any instant: what a partner downloads from the outbox
/// is either absent or complete, and a moved file is in exactly one place.
public enum DurableFile {
    public struct Failure: Error, CustomStringConvertible {
        public var operation: String
        public var path: String
        public var code: Int32

        public var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }

    /// Writes `bytes` to a hidden temporary name in `directory`, fsyncs it, renames it to `name`
    /// and fsyncs the directory, so a reader never sees a partial file. Mode 0640.
    public static func write(_ bytes: [UInt8], named name: String, in directory: URL) throws {
        try createDirectory(directory)
        let temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { throw Failure(operation: "create", path: temporary.path, code: errno) }
        do {
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { buffer in
                    Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                }
                if result < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "write", path: temporary.path, code: errno)
                }
                written += result
            }
            guard fsync(fd) == 0 else { throw Failure(operation: "fsync", path: temporary.path, code: errno) }
        } catch {
            unlink(temporary.path)
            throw error
        }
        try rename(temporary, to: directory.appendingPathComponent(name))
    }

    /// Moves `source` to `destination` (same file system) and makes the move durable.
    public static func move(_ source: URL, to destination: URL) throws {
        try createDirectory(destination.deletingLastPathComponent())
        try rename(source, to: destination)
        syncDirectory(source.deletingLastPathComponent())
    }

    /// Writes `bytes` durably at `destination` (see `write`), then removes `source`: how a clear
    /// file becomes its sealed copy. Repeating it after a crash rewrites the same destination.
    public static func replace(_ source: URL, with bytes: [UInt8], at destination: URL) throws {
        try write(bytes, named: destination.lastPathComponent, in: destination.deletingLastPathComponent())
        guard unlink(source.path) == 0 || errno == ENOENT else {
            throw Failure(operation: "unlink", path: source.path, code: errno)
        }
        syncDirectory(source.deletingLastPathComponent())
    }

    /// Creates `directory` and its parents (mode 0750) if missing.
    public static func createDirectory(_ directory: URL) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
    }

    static func rename(_ source: URL, to destination: URL) throws {
        guard Glibc.rename(source.path, destination.path) == 0 else {
            throw Failure(operation: "rename", path: source.path, code: errno)
        }
        syncDirectory(destination.deletingLastPathComponent())
    }

    static func syncDirectory(_ directory: URL) {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
