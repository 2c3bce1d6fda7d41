import Synchronization

/// The accounts the server authenticates against, replaced whole when the partner file is
/// reloaded. Sessions look an account up at each authentication attempt, so a key added or
/// removed takes effect for the next login without a restart; sessions already open keep going.
public final class AccountDirectory: Sendable {
    private let accounts: Mutex<[String: SFTPAccount]>

    public init(_ accounts: [SFTPAccount] = []) {
        self.accounts = Mutex(Dictionary(accounts.map { ($0.user, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    public func account(_ user: String) -> SFTPAccount? {
        accounts.withLock { $0[user] }
    }

    public func replace(with accounts: [SFTPAccount]) {
        let table = Dictionary(accounts.map { ($0.user, $0) }, uniquingKeysWith: { first, _ in first })
        self.accounts.withLock { $0 = table }
    }

    public var users: [String] {
        accounts.withLock { Array($0.keys).sorted() }
    }
}
