import CLibSSH
import Glibc

/// An SFTP v3 status code with the text sent to the client. Texts never carry file content.
struct SFTPStatus: Error, Equatable {
    let code: UInt32
    let message: String

    static let ok = SFTPStatus(code: UInt32(SSH_FX_OK), message: "ok")
    static let endOfFile = SFTPStatus(code: UInt32(SSH_FX_EOF), message: "end of file")
    static let noSuchFile = SFTPStatus(code: UInt32(SSH_FX_NO_SUCH_FILE), message: "no such file")
    static let permissionDenied = SFTPStatus(code: UInt32(SSH_FX_PERMISSION_DENIED), message: "permission denied")
    static let unsupported = SFTPStatus(code: UInt32(SSH_FX_OP_UNSUPPORTED), message: "operation not supported")
    static let badMessage = SFTPStatus(code: UInt32(SSH_FX_BAD_MESSAGE), message: "bad message")
    static let invalidHandle = SFTPStatus(code: UInt32(SSH_FX_FAILURE), message: "invalid handle")

    static func failure(_ message: String) -> SFTPStatus {
        SFTPStatus(code: UInt32(SSH_FX_FAILURE), message: message)
    }

    /// The status for a failed system call; unexpected errors become a generic failure.
    static func from(errno code: Int32) -> SFTPStatus {
        switch code {
        case ENOENT, ELOOP, ENOTDIR: .noSuchFile
        case EACCES, EPERM, EROFS: .permissionDenied
        case EEXIST: .failure("a file of that name already exists")
        case ENOSPC, EDQUOT: .failure("no space left")
        case ENAMETOOLONG: .failure("name too long")
        default: .failure("operation failed")
        }
    }
}
