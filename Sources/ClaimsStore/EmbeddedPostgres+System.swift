import Foundation

/// Directory ownership, the unprivileged system user and running the PostgreSQL tools.
extension EmbeddedPostgres {
    static var isRoot: Bool { geteuid() == 0 }

    /// `pg_config --bindir` when it has `initdb` (Debian's points at the server of the same major
    /// version), else the highest `/usr/lib/postgresql/<major>/bin`.
    static func locateBinDirectory() -> String? {
        func hasServer(_ directory: String) -> Bool {
            FileManager.default.isExecutableFile(atPath: directory + "/initdb")
                && FileManager.default.isExecutableFile(atPath: directory + "/pg_ctl")
        }
        let pathDirectories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        if let pgConfig = ChildProcess.locate(pathDirectories.map { "\($0)/pg_config" } + ["/usr/bin/pg_config"]),
            let outcome = try? ChildProcess.run(pgConfig, ["--bindir"]), outcome.status == 0
        {
            let directory = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
            if hasServer(directory) { return directory }
        }
        let root = "/usr/lib/postgresql"
        let majors = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap { Int($0) }
        return majors.sorted(by: >).map { "\(root)/\($0)/bin" }.first(where: hasServer)
    }

    /// Creates the directory at mode 0700 and, as root, hands it to the system user.
    func prepareDirectory() throws {
        if Self.isRoot {
            let (uid, gid) = try Self.ensureSystemUser()
            try checkReachable(uid: uid, gid: gid)
        }
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory) {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        guard chmod(directory, 0o700) == 0 else {
            throw StoreError(code: .embeddedServerFailed, message: "cannot set mode 0700 on \(directory): errno \(errno)")
        }
        guard Self.isRoot else { return }
        let (uid, gid) = try Self.ensureSystemUser()
        var status = stat()
        guard stat(directory, &status) == 0 else {
            throw StoreError(code: .embeddedServerFailed, message: "cannot stat \(directory): errno \(errno)")
        }
        if status.st_uid != uid {
            let chown = ChildProcess.locate(["/usr/bin/chown", "/bin/chown"]) ?? "/bin/chown"
            let outcome = try ChildProcess.run(chown, ["-R", "\(uid):\(gid)", directory])
            guard outcome.status == 0 else {
                throw StoreError(code: .embeddedServerFailed, message: "chown of \(directory) failed: \(outcome.tail)")
            }
        }
    }

    /// Fails clearly when a parent directory is not searchable by the system user (a data root under
    /// `/root`, say): PostgreSQL would otherwise fail later with a less helpful message.
    func checkReachable(uid: uid_t, gid: gid_t) throws {
        var ancestor = URL(fileURLWithPath: directory).deletingLastPathComponent()
        while true {
            var status = stat()
            if stat(ancestor.path, &status) == 0 {
                let mode = status.st_mode
                let searchable =
                    (status.st_uid == uid && mode & 0o100 != 0) || (status.st_gid == gid && mode & 0o010 != 0)
                    || mode & 0o001 != 0
                guard searchable else {
                    throw StoreError(
                        code: .invalidConfiguration,
                        message: """
                            embedded PostgreSQL runs as \(Self.systemUser), which cannot reach \(directory): \
                            \(ancestor.path) is not searchable by it; use another data root or configure a database URL
                            """)
                }
            }
            if ancestor.path == "/" { return }
            ancestor = ancestor.deletingLastPathComponent()
        }
    }

    /// The uid and gid of `claimsgate`, creating it as a system user without home or shell if needed.
    static func ensureSystemUser() throws -> (uid_t, gid_t) {
        if let ids = lookUpUser() { return ids }
        let useradd = ChildProcess.locate(["/usr/sbin/useradd", "/sbin/useradd"]) ?? "/usr/sbin/useradd"
        let outcome = try ChildProcess.run(
            useradd, ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", systemUser])
        // Status 9: created meanwhile by a concurrent start.
        guard outcome.status == 0 || outcome.status == 9, let ids = lookUpUser() else {
            throw StoreError(
                code: .embeddedServerFailed, message: "cannot create system user \(systemUser): \(outcome.tail)")
        }
        return ids
    }

    private static func lookUpUser() -> (uid_t, gid_t)? {
        guard let entry = getpwnam(systemUser) else { return nil }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }

    /// Runs a PostgreSQL tool, through `runuser -u claimsgate --` when this process is root, from
    /// inside the cluster directory (the system user may not be able to read our working directory).
    func runTool(_ name: String, _ arguments: [String]) throws -> ChildProcess.Outcome {
        let tool = binDirectory + "/" + name
        if Self.isRoot {
            guard let runuser = ChildProcess.locate(["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]) else {
                throw StoreError(code: .embeddedServerFailed, message: "runuser not found: cannot drop root for \(name)")
            }
            return try ChildProcess.run(runuser, ["-u", Self.systemUser, "--", tool] + arguments, in: directory)
        }
        return try ChildProcess.run(tool, arguments, in: directory)
    }
}
