import Foundation

/// CPU seconds (user and system) spent by this process, where the bench runs the gateway, and by
/// a PostgreSQL server: their sum over the cores is the floor under a file's end-to-end time, and
/// the gap between the two is the time the cores waited.
enum CPUTime {
    /// Every thread of this process so far.
    static func ownSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The postmaster written in `dataDirectory`'s `postmaster.pid`, its live children (the
    /// backends, checkpointer, WAL writer) and the children it has reaped; nil without /proc.
    static func serverSeconds(dataDirectory: String) -> Double? {
        guard let pidFile = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
            let postmaster = pidFile.split(separator: "\n").first.flatMap({ Int($0) }),
            let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc")
        else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var total = 0.0
        for entry in entries {
            guard let pid = Int(entry), let stat = ProcessStat(pid: pid) else { continue }
            if pid == postmaster {
                total += Double(stat.ownTicks + stat.reapedChildrenTicks) / ticks
            } else if stat.parent == postmaster {
                total += Double(stat.ownTicks) / ticks
            }
        }
        return total
    }

    /// The fields of `/proc/<pid>/stat` read here (proc(5)).
    private struct ProcessStat {
        var parent: Int
        var ownTicks: Int
        var reapedChildrenTicks: Int

        init?(pid: Int) {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let commandEnd = text.lastIndex(of: ")")
            else { return nil }
            // After the command (in parentheses, free to hold spaces) and the state: ppid, the
            // 4th field, ..., utime, the 14th, stime, cutime, cstime.
            let fields = text[text.index(after: commandEnd)...].split(separator: " ").dropFirst().map { Int($0) }
            guard fields.count > 13, let parent = fields[0], let user = fields[10], let system = fields[11],
                let childrenUser = fields[12], let childrenSystem = fields[13]
            else { return nil }
            self.parent = parent
            ownTicks = user + system
            reapedChildrenTicks = childrenUser + childrenSystem
        }
    }
}
