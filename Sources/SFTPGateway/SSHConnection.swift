import CLibSSH
import Foundation
import Glibc
import Logging

/// One client connection on its own thread, from key exchange to the end of its SFTP subsystem.
/// Owns its libssh session (one session belongs to one thread) and frees it when done.
final class SSHConnection {
    private let session: ssh_session
    private let record: ConnectionRecord
    private let context: ServerContext
    private var logger: Logger
    private var failures = 0

    /// Takes over `session`, already attached to the accepted socket by `ssh_bind_accept_fd`.
    init(session: ssh_session, record: ConnectionRecord, context: ServerContext) {
        self.session = session
        self.record = record
        self.context = context
        logger = context.logger
        logger[metadataKey: "net.peer"] = "\(record.address)"
    }

    deinit {
        ssh_disconnect(session)
        ssh_free(session)
    }

    /// Runs the connection to its end; never throws: a failure ends this connection only.
    func run() {
        ssh_set_blocking(session, 1)
        guard ssh_handle_key_exchange(session) == SSH_OK else {
            logger.notice("sftp key exchange failed", metadata: ["error": "\(String(cString: ssh_get_error(UnsafeMutableRawPointer(session))))"])
            return
        }
        guard let user = authenticate() else { return }
        logger[metadataKey: "partner.id"] = "\(user)"
        guard context.registry.claim(record, partner: user) else {
            logger.warning("sftp session refused: partner at its session limit")
            context.metrics.add(.sessionsRefused)
            return
        }
        guard let channel = openSFTPChannel() else { return }
        defer { ssh_channel_free(channel) }
        guard let account = context.accounts.account(user) else { return }
        do {
            let files = try PartnerFiles(user: user, context: context)
            let sftp = SFTPSession(
                session: session, channel: channel, account: account, files: files, record: record, context: context,
                logger: logger)
            sftp.run()
        } catch {
            logger.error("sftp partner folders unavailable", metadata: ["error": "\(error)"])
        }
        // Ends the subsystem the way OpenSSH's does (exit status, EOF, close), so clients see a
        // clean end rather than a dropped connection.
        ssh_channel_request_send_exit_status(channel, 0)
        ssh_channel_send_eof(channel)
        ssh_channel_close(channel)
        awaitPeerHangUp()
    }

    /// Gives the client up to two seconds to answer our channel close and hang up first: a client
    /// still sending its own close (paramiko sends EOF and CLOSE separately) would otherwise write
    /// into a reset connection and report an error after a successful session. What arrives is only
    /// the client's closing messages and is discarded.
    private func awaitPeerHangUp() {
        let deadline = ContinuousClock.now + .seconds(2)
        var scratch = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            var descriptor = pollfd(fd: record.socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) >= 0 else { return }
            guard descriptor.revents != 0 else { continue }
            let count = recv(record.socket, &scratch, scratch.count, Int32(MSG_DONTWAIT))
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) { return }
        }
    }

    /// The authentication loop; returns the partner id once a key or password is accepted.
    private func authenticate() -> String? {
        while let message = ssh_message_get(session) {
            defer { ssh_message_free(message) }
            guard ssh_message_type(message) == SSH_REQUEST_AUTH.rawValue else {
                ssh_message_reply_default(message)
                continue
            }
            let user = ssh_message_auth_user(message).map { String(cString: $0) } ?? ""
            let method = UInt32(bitPattern: ssh_message_subtype(message))
            let account = context.accounts.account(user)
            switch method {
            case SSH_AUTH_METHOD_PUBLICKEY:
                let blob = Self.keyBlob(cg_message_auth_pubkey(message))
                let known = account.map { blob.map($0.authorizes(keyBlob:)) ?? false } ?? false
                let state = cg_message_auth_publickey_state(message)
                if known && state == Int32(SSH_PUBLICKEY_STATE_NONE.rawValue) {
                    ssh_message_auth_reply_pk_ok_simple(message)
                    continue
                }
                if known && state == Int32(SSH_PUBLICKEY_STATE_VALID.rawValue) {
                    return succeed(message, user: user, method: "publickey")
                }
            case SSH_AUTH_METHOD_PASSWORD where context.configuration.allowPasswords:
                let password = cg_message_auth_password(message).map { String(cString: $0) } ?? ""
                if let hash = account?.password, hash.verify(password) {
                    return succeed(message, user: user, method: "password")
                }
            case SSH_AUTH_METHOD_NONE:
                deny(message)
                continue
            default:
                break
            }
            deny(message)
            guard fail(user: user, method: method == SSH_AUTH_METHOD_PASSWORD ? "password" : "publickey") else {
                return nil
            }
        }
        return nil
    }

    private func succeed(_ message: ssh_message, user: String, method: String) -> String {
        ssh_message_auth_reply_success(message, 0)
        record.markAuthenticated()
        context.guardian.recordSuccess(record.address)
        context.audit.record(.authenticated(user: user, address: record.address, method: method))
        return user
    }

    private func deny(_ message: ssh_message) {
        var methods = SSH_AUTH_METHOD_PUBLICKEY
        if context.configuration.allowPasswords { methods |= SSH_AUTH_METHOD_PASSWORD }
        ssh_message_auth_set_methods(message, Int32(bitPattern: methods))
        ssh_message_reply_default(message)
    }

    /// Counts a failed attempt; false when the connection must end (too many, or banned now).
    private func fail(user: String, method: String) -> Bool {
        failures += 1
        context.metrics.add(.authenticationFailures)
        context.audit.record(.authenticationFailed(user: user, address: record.address, method: method))
        if context.guardian.recordFailure(record.address) {
            context.metrics.add(.bans)
            context.audit.record(.addressBanned(address: record.address))
            return false
        }
        return failures < context.configuration.maximumAuthenticationAttempts
    }

    /// Accepts one session channel and its `sftp` subsystem request; anything else (shells, exec,
    /// forwarding) is refused.
    private func openSFTPChannel() -> ssh_channel? {
        var channel: ssh_channel?
        while let message = ssh_message_get(session) {
            defer { ssh_message_free(message) }
            let type = ssh_message_type(message)
            let subtype = ssh_message_subtype(message)
            if type == SSH_REQUEST_CHANNEL_OPEN.rawValue, subtype == SSH_CHANNEL_SESSION.rawValue, channel == nil {
                channel = ssh_message_channel_request_open_reply_accept(message)
                continue
            }
            if type == SSH_REQUEST_CHANNEL.rawValue, subtype == SSH_CHANNEL_REQUEST_SUBSYSTEM.rawValue, let channel,
                let name = ssh_message_channel_request_subsystem(message), String(cString: name) == "sftp"
            {
                ssh_message_channel_request_reply_success(message)
                return channel
            }
            ssh_message_reply_default(message)
        }
        if let channel { ssh_channel_free(channel) }
        return nil
    }

    /// The SSH wire blob of a client's public key, as `authorized_keys` carries it in base64.
    static func keyBlob(_ key: ssh_key?) -> [UInt8]? {
        guard let key else { return nil }
        var text: UnsafeMutablePointer<CChar>?
        guard ssh_pki_export_pubkey_base64(key, &text) == SSH_OK, let text else { return nil }
        defer { ssh_string_free_char(text) }
        return Data(base64Encoded: String(cString: text)).map { [UInt8]($0) }
    }
}
