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
        let writer = try Writer(named: name, in: directory)
        try writer.append(bytes)
        try writer.commit()
    }

    /// A file written piece by piece under a hidden temporary name and renamed into place only
    /// when complete (`commit`), so large outputs never need to be whole in memory. Mode 0640.
    public final class Writer {
        let temporary: URL
        let destination: URL
        private let descriptor: Int32
        private var committed = false

        /// Starts `name` in `directory`; the temporary sits beside it (under a unique name) unless
        /// `staging` names another directory of the same file system, one readers of `directory`
        /// cannot see. There it is named after `name` alone, so a retry after a crash overwrites
        /// what the interrupted attempt left.
        public init(named name: String, in directory: URL, staging: URL? = nil) throws {
            try createDirectory(directory)
            destination = directory.appendingPathComponent(name)
            if let staging, try Self.sameDevice(staging, directory) {
                temporary = staging.appendingPathComponent(".\(name).tmp")
                descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o640)
            } else {
                temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
                descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
            }
            guard descriptor >= 0 else { throw Failure(operation: "create", path: temporary.path, code: errno) }
        }

        /// Whether `staging` (created if missing) and `directory` are on one device: a rename
        /// works only within one.
        static func sameDevice(_ staging: URL, _ directory: URL) throws -> Bool {
            try createDirectory(staging)
            var first = stat()
            var second = stat()
            return stat(staging.path, &first) == 0 && stat(directory.path, &second) == 0 && first.st_dev == second.st_dev
        }

        public func append(_ bytes: UnsafeRawBufferPointer) throws {
            var written = 0
            while written < bytes.count {
                let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "write", path: temporary.path, code: errno)
                }
                written += result
            }
        }

        public func append(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try append($0) }
        }

        /// Makes the file durable and visible under its name.
        public func commit() throws {
            guard fsync(descriptor) == 0 else { throw Failure(operation: "fsync", path: temporary.path, code: errno) }
            try DurableFile.rename(temporary, to: destination)
            committed = true
            if temporary.deletingLastPathComponent() != destination.deletingLastPathComponent() {
                syncDirectory(temporary.deletingLastPathComponent())
            }
        }

        deinit {
            close(descriptor)
            if !committed { unlink(temporary.path) }
        }
    }

    /// Moves `source` to `destination` (same file system) and makes the move durable.
    public static func move(_ source: URL, to destination: URL) throws {
        try createDirectory(destination.deletingLastPathComponent())
        try rename(source, to: destination)
        syncDirectory(source.deletingLastPathComponent())
    }

    /// Writes `destination` durably with the bytes `body` hands the writer as it produces them
    /// (see `Writer`), then removes `source`: how a clear file becomes its sealed copy. Repeating
    /// it after a crash rewrites the same destination.
    public static func replace(_ source: URL, at destination: URL, writing body: (Writer) throws -> Void) throws {
        let writer = try Writer(named: destination.lastPathComponent, in: destination.deletingLastPathComponent())
        try body(writer)
        try writer.commit()
        try remove(source)
    }

    /// Unlinks `file` (already gone is fine) and makes that durable.
    static func remove(_ file: URL) throws {
        guard unlink(file.path) == 0 || errno == ENOENT else {
            throw Failure(operation: "unlink", path: file.path, code: errno)
        }
        syncDirectory(file.deletingLastPathComponent())
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
