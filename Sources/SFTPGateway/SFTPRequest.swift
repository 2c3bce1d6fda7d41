import CLibSSH

/// One SFTP v3 request after its type and id, parsed from the packet with bounds checks. A WRITE's
/// data is a view into the packet buffer (no copy), valid until the next packet is read.
enum SFTPRequest {
    case open(path: String, flags: UInt32)
    case close(handle: [UInt8])
    case read(handle: [UInt8], offset: UInt64, length: UInt32)
    case write(handle: [UInt8], offset: UInt64, data: UnsafeRawBufferPointer)
    /// STAT and LSTAT (the virtual root has no links to tell apart).
    case stat(path: String)
    case fileStat(handle: [UInt8])
    case setStat(path: String, times: FileTimes?)
    case setFileStat(handle: [UInt8], times: FileTimes?)
    case openDirectory(path: String)
    case readDirectory(handle: [UInt8])
    case remove(path: String)
    /// RENAME and `posix-rename@openssh.com`.
    case rename(from: String, to: String)
    case realPath(path: String)
    /// MKDIR, RMDIR, SYMLINK, READLINK, `hardlink@openssh.com`: refused with a permission status.
    case refused
    case unsupported

    /// Handles are ours and 4 bytes long; a longer one is no handle of ours and is not copied.
    static let maximumHandleLength = 256

    /// Parses the fields after type and id. Throws `Truncated` for a request that does not fit
    /// its packet (answered with a bad-message status).
    init(type: UInt8, reader: inout SFTPByteReader) throws(SFTPByteReader.Truncated) {
        switch Int32(type) {
        case SSH_FXP_OPEN:
            let path = try reader.string()
            let flags = try reader.uint32()
            _ = try reader.attributes()
            self = .open(path: path, flags: flags)
        case SSH_FXP_CLOSE: self = .close(handle: try Self.handle(&reader))
        case SSH_FXP_READ:
            self = .read(handle: try Self.handle(&reader), offset: try reader.uint64(), length: try reader.uint32())
        case SSH_FXP_WRITE:
            self = .write(handle: try Self.handle(&reader), offset: try reader.uint64(), data: try reader.bytesField())
        case SSH_FXP_STAT, SSH_FXP_LSTAT: self = .stat(path: try reader.string())
        case SSH_FXP_FSTAT: self = .fileStat(handle: try Self.handle(&reader))
        case SSH_FXP_SETSTAT: self = .setStat(path: try reader.string(), times: try reader.attributes())
        case SSH_FXP_FSETSTAT: self = .setFileStat(handle: try Self.handle(&reader), times: try reader.attributes())
        case SSH_FXP_OPENDIR: self = .openDirectory(path: try reader.string())
        case SSH_FXP_READDIR: self = .readDirectory(handle: try Self.handle(&reader))
        case SSH_FXP_REMOVE: self = .remove(path: try reader.string())
        case SSH_FXP_RENAME: self = .rename(from: try reader.string(), to: try reader.string())
        case SSH_FXP_REALPATH: self = .realPath(path: try reader.string())
        case SSH_FXP_MKDIR, SSH_FXP_RMDIR, SSH_FXP_SYMLINK, SSH_FXP_READLINK: self = .refused
        case SSH_FXP_EXTENDED:
            switch try reader.string() {
            case "posix-rename@openssh.com": self = .rename(from: try reader.string(), to: try reader.string())
            case "hardlink@openssh.com": self = .refused
            default: self = .unsupported
            }
        default: self = .unsupported
        }
    }

    private static func handle(_ reader: inout SFTPByteReader) throws(SFTPByteReader.Truncated) -> [UInt8] {
        let bytes = try reader.bytesField()
        return bytes.count <= maximumHandleLength ? Array(bytes) : []
    }
}
