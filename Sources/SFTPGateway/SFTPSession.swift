import CLibSSH
import Glibc
import Logging

/// The SFTP v3 subsystem of one authenticated connection: reads each request with libssh's parser,
/// answers it against the partner's virtual root, and keeps its own handle table. Confined to the
/// connection's thread; a request never blocks another session.
final class SFTPSession {
    let session: ssh_session
    let channel: ssh_channel
    let account: SFTPAccount
    let files: PartnerFiles
    let record: ConnectionRecord
    let context: ServerContext
    let logger: Logger
    var handles = HandleTable()
    /// Sizes of uploads this session completed, so a client that checks its upload with STAT after
    /// CLOSE gets an answer even when the inbox watcher has already taken the file.
    var completedUploads: [String: UInt64] = [:]
    /// One read buffer for the session's downloads: largest READ answered at once.
    var readBuffer = [UInt8](repeating: 0, count: SFTPSession.maximumReadLength)
    static let maximumReadLength = 256 * 1024 - 1024

    init(
        session: ssh_session, channel: ssh_channel, account: SFTPAccount, files: PartnerFiles, record: ConnectionRecord,
        context: ServerContext, logger: Logger
    ) {
        self.session = session
        self.channel = channel
        self.account = account
        self.files = files
        self.record = record
        self.context = context
        self.logger = logger
    }

    /// Serves requests until the client closes the channel or the connection is cut.
    func run() {
        guard let sftp = sftp_server_new(session, channel) else { return }
        defer {
            abandonOpenHandles()
            sftp_server_free(sftp)
        }
        guard sftp_server_init(sftp) == 0 else { return }
        while let message = sftp_get_client_message(sftp) {
            record.markActive()
            handle(message)
            sftp_client_message_free(message)
        }
        if ssh_channel_is_eof(channel) == 0 {
            let reason = String(cString: ssh_get_error(UnsafeMutableRawPointer(session)))
            logger.notice("sftp session ended without the client closing it", metadata: ["error": "\(reason)"])
        }
    }

    private func handle(_ message: sftp_client_message) {
        let result: SFTPStatus?
        switch Int32(message.pointee.type) {
        case SSH_FXP_REALPATH: result = realPath(message)
        case SSH_FXP_STAT, SSH_FXP_LSTAT: result = stat(message)
        case SSH_FXP_FSTAT: result = fileStat(message)
        case SSH_FXP_OPENDIR: result = openDirectory(message)
        case SSH_FXP_READDIR: result = readDirectory(message)
        case SSH_FXP_OPEN: result = open(message)
        case SSH_FXP_READ: result = read(message)
        case SSH_FXP_WRITE: result = write(message)
        case SSH_FXP_CLOSE: result = close(message)
        case SSH_FXP_REMOVE: result = remove(message)
        case SSH_FXP_RENAME: result = rename(message)
        case SSH_FXP_SETSTAT: result = setStat(message)
        case SSH_FXP_FSETSTAT: result = setFileStat(message)
        case SSH_FXP_MKDIR, SSH_FXP_RMDIR, SSH_FXP_SYMLINK, SSH_FXP_READLINK: result = .permissionDenied
        case SSH_FXP_EXTENDED: result = extended(message)
        default: result = .unsupported
        }
        if let result { reply(message, result) }
    }

    private func extended(_ message: sftp_client_message) -> SFTPStatus? {
        switch message.pointee.submessage.map({ String(cString: $0) }) {
        case "posix-rename@openssh.com": rename(message)
        case "hardlink@openssh.com": .permissionDenied
        default: .unsupported
        }
    }

    // MARK: Helpers shared by the request handlers

    func reply(_ message: sftp_client_message, _ status: SFTPStatus) {
        sftp_reply_status(message, status.code, status.message)
    }

    /// The request's path resolved in the virtual root.
    func path(_ message: sftp_client_message) -> VirtualPath? {
        message.pointee.filename.flatMap { VirtualPath(String(cString: $0)) }
    }

    /// The second path of RENAME / posix-rename.
    func targetPath(_ message: sftp_client_message) -> VirtualPath? {
        sftp_client_message_get_data(message).flatMap { VirtualPath(String(cString: $0)) }
    }

    func handleBytes(_ message: sftp_client_message) -> [UInt8] {
        guard let handle = message.pointee.handle, let data = ssh_string_data(handle) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: ssh_string_len(handle)))
    }

    func replyHandle(_ message: sftp_client_message, _ handle: [UInt8]) {
        guard let string = ssh_string_new(handle.count) else { return }
        defer { ssh_string_free(string) }
        ssh_string_fill(string, handle, handle.count)
        sftp_reply_handle(message, string)
    }

    /// A connection ending with files open: downloads are closed; uploads keep their hidden partial
    /// file (a resumed upload continues it; the watcher never sees it).
    private func abandonOpenHandles() {
        for item in handles.removeAll() {
            switch item {
            case .download(let descriptor, _): Glibc.close(descriptor)
            case .upload(let upload): Glibc.close(upload.descriptor)
            case .listing: break
            }
        }
    }
}
