import Foundation

/// Runs a program to completion and collects its combined output, for the PostgreSQL tools.
///
/// This uses `posix_spawn` rather than `Foundation.Process` on purpose: `Process` on Linux leaves
/// one end of its monitoring socket pair open in the child, and `pg_ctl start` hands every open
/// descriptor to the server it daemonises, so `waitUntilExit()` never returned. Here the child
/// closes every descriptor above stderr (`closefrom`), so the server holds nothing of ours (nor the
/// test runner's pipes), and we simply `waitpid` for the tool. Output goes to a temporary file.
struct ChildProcess {
    struct Outcome {
        var status: Int32
        var output: String

        /// The last lines of output, for error messages (server and tool diagnostics, no claim data).
        var tail: String { output.split(separator: "\n").suffix(8).joined(separator: "\n") }
    }

    /// Runs `executable` with `arguments` in `directory`, blocking until it exits. `status` is the
    /// exit code, or 128 + signal number when a signal ended it.
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Outcome {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("claimsgate-\(UUID()).out").path
        defer { unlink(outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        guard let closeFrom = GlibcExtensions.addCloseFrom, let changeDirectory = GlibcExtensions.addChangeDirectory else {
            throw StoreError(
                code: .embeddedServerFailed, message: "posix_spawn_file_actions_addclosefrom_np needs glibc 2.34 or later")
        }
        _ = closeFrom(&actions, 3)
        if let directory { _ = changeDirectory(&actions, directory) }

        // Start the child with no blocked signals and default handlers, whatever this thread has.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid = pid_t()
        let spawned = withCStringArray([executable] + arguments) { argv in
            argv!.withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: arguments.count + 2) { argv in
                posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
            }
        }
        guard spawned == 0 else {
            throw StoreError(
                code: .embeddedServerFailed, message: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw StoreError(code: .embeddedServerFailed, message: "waitpid for \(executable) failed: errno \(errno)")
            }
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let signal = status & 0x7f
        return Outcome(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, output: output)
    }

    /// The first of `candidates` that exists and is executable.
    static func locate(_ candidates: [String]) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// glibc's `_np` spawn actions, which the Swift Glibc module does not expose (they sit behind
/// `_GNU_SOURCE`), looked up at run time with their C signatures.
private enum GlibcExtensions {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias AddChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    static let addChangeDirectory: AddChangeDirectory? = symbol("posix_spawn_file_actions_addchdir_np")

    private static func symbol<F>(_ name: String) -> F? {
        guard let pointer = dlsym(nil, name) else { return nil }
        return unsafeBitCast(pointer, to: F.self)
    }
}
