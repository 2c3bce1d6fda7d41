import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// glibc's allocator, set up for a process that reads files of tens of megabytes one after another.
/// Its functions are looked up at run time: `<malloc.h>` is not part of Swift's Glibc module.
public enum HeapTuning {
    /// Keeps blocks of 256 KiB and more (the segment and claim arrays of large files) in mappings
    /// of their own, returned to the system when freed. glibc otherwise raises this threshold each
    /// time such a block is freed, after which large files' arrays come from the heap and leave it
    /// fragmented: the gateway's peak RSS rose from 397 MiB on one 100,000-claim file to 480 MiB
    /// on a second; with the threshold fixed and the heap trimmed after each file
    /// (`releaseFreeMemory`), five such files peak at 416–435 MiB.
    ///
    /// And allows one arena fewer than there are cores, instead of eight: a window's claims are
    /// judged, encoded for COPY and answered on whichever worker threads are free, and with an
    /// arena each, each kept its own free blocks. One 1,000,000-claim file peaked at 225–232 MiB
    /// with eight, 197 MiB with four per core, when one or two per core cost a tenth of the end to
    /// end (fifth session, in a gateway that allocated far more). Since a claim's parties live in
    /// small boxes of their own (fifteenth session), four per core let such a file peak at
    /// 128–171 MiB (up to 1.40 × one 100,000-claim file). On two cores (seventeenth session):
    /// three arenas, 122–159 MiB (four runs of six over 150); two, 122–150 MiB (three of sixteen
    /// near 150, 1.24 ×); one, 122–127 MiB over twelve (1.06 ×), for about 4 % more of the gateway's
    /// CPU than two (three alternating pairs of five-file runs: 2.41, 2.02, 2.10 against 2.05,
    /// 1.94, 2.03 core-s a file), as the workers wait for each other's allocations. Machines with
    /// more cores were not measured. To be called before any other thread allocates: below the
    /// limit, glibc gives each thread that first allocates an arena of its own, and arenas made
    /// before the limit was set stay (which let the bench's generating and timing threads leave
    /// three arenas to the gateway until the seventeenth session). The command line calls it
    /// first thing (`ClaimsGate.main`); `Gateway.run` and `OperatorSession` call it again for
    /// in-process use. An operator's own limit (`MALLOC_ARENA_MAX`, or `glibc.malloc.arena_max`
    /// in `GLIBC_TUNABLES`) is left as set.
    public static func apply() {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 256 * 1024)
        let environment = ProcessInfo.processInfo.environment
        guard environment["MALLOC_ARENA_MAX"] == nil, environment["GLIBC_TUNABLES"]?.contains("arena_max") != true
        else { return }
        let arenaMax: Int32 = -8  // M_ARENA_MAX
        _ = mallopt(arenaMax, Int32(clamping: max(1, ProcessInfo.processInfo.activeProcessorCount - 1)))
    }

    /// Hands freed heap back to the system (`malloc_trim`).
    public static func releaseFreeMemory() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }
}
