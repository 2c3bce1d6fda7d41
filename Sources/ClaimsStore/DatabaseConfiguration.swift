/// How to reach PostgreSQL: owned by `ClaimsStore`, composed by the app's configuration.
public struct DatabaseConfiguration: Sendable, Equatable {
    /// A libpq URL or keyword/value string (`postgresql://user@host/claimsgate`,
    /// `postgresql:///claimsgate?host=/srv/claimsgate/var/pg`). May hold a password: never log it.
    public var url: String
    /// Connections, and so dedicated threads, in the pool. Default 4: enough for the pipeline's
    /// persist stage and the admin API on a small machine without crowding `max_connections`
    /// when several gateways share one server.
    public var poolSize: Int

    public init(url: String, poolSize: Int = 4) {
        self.url = url
        self.poolSize = poolSize
    }
}
