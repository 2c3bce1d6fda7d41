import Foundation
import Glibc

/// SFTP v3 attributes as the gateway reports them: size, permissions and times. Owner ids are
/// never sent (they would describe the server, not the partner's view).
struct FileAttributes {
    var size: UInt64
    var permissions: UInt32
    var accessTime: UInt32
    var modificationTime: UInt32

    init(_ info: stat) {
        size = UInt64(info.st_size)
        permissions = UInt32(S_IFREG) | 0o640
        accessTime = UInt32(truncatingIfNeeded: info.st_atim.tv_sec)
        modificationTime = UInt32(truncatingIfNeeded: info.st_mtim.tv_sec)
    }

    /// A folder of the virtual root.
    static let folder = FileAttributes(size: 0, permissions: UInt32(S_IFDIR) | 0o750, accessTime: 0, modificationTime: 0)

    init(size: UInt64, permissions: UInt32, accessTime: UInt32, modificationTime: UInt32) {
        self.size = size
        self.permissions = permissions
        self.accessTime = accessTime
        self.modificationTime = modificationTime
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The `ls -l` style line OpenSSH clients print for `ls -l`.
    func longName(_ name: String) -> String {
        let isFolder = permissions & UInt32(S_IFMT) == UInt32(S_IFDIR)
        let mode = (isFolder ? "drwxr-x---" : "-rw-r-----")
        var time = time_t(modificationTime)
        var parts = tm()
        gmtime_r(&time, &parts)
        let month = Self.months[Int(parts.tm_mon) % 12]
        let stamp = "\(month) \(String(parts.tm_mday).leftPadded(to: 2)) \(String(format: "%02d:%02d", parts.tm_hour, parts.tm_min))"
        return "\(mode)    1 partner  partner  \(String(size).leftPadded(to: 12)) \(stamp) \(name)"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
