/// One partner's SFTP identity: the user name it logs in with (its partner id), the keys and the
/// optional password that prove it, and its upload limit.
public struct SFTPAccount: Sendable, Equatable {
    public var user: String
    public var authorizedKeys: [AuthorizedKey]
    public var password: PasswordHash?
    /// Largest upload accepted, in bytes; a WRITE beyond it fails, and so does CLOSE.
    public var maxFileSize: Int

    public init(user: String, authorizedKeys: [AuthorizedKey] = [], password: PasswordHash? = nil, maxFileSize: Int) {
        self.user = user
        self.authorizedKeys = authorizedKeys
        self.password = password
        self.maxFileSize = maxFileSize
    }

    /// Whether `blob` (the SSH public key blob a client offered) is one of this account's keys.
    public func authorizes(keyBlob blob: [UInt8]) -> Bool {
        authorizedKeys.contains { $0.blob == blob }
    }
}
