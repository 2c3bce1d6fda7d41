import Foundation
import ClaimsCore

/// Every external code set the business edits use, loaded once from `Config/codesets/`
/// (`<kind>.txt` or `<kind>.txt.gz`).
///
/// A class: every edit is handed the sets, and copying a struct of six sets (each with its own
/// tables and metadata) cost dozens of reference-count operations per edit and claim.
public final class CodeSets: Sendable {
    /// The kinds `claimsgate codesets load` accepts, one file each.
    public static let kinds = ["icd10cm", "hcpcs", "hcpcs-modifiers", "pos", "states", "zip3"]

    public let icd10cm: CodeSet
    public let hcpcs: CodeSet
    public let hcpcsModifiers: CodeSet
    public let placesOfService: CodeSet
    public let states: CodeSet
    public let zipPrefixes: ZipPrefixes

    public init(
        icd10cm: CodeSet = CodeSet(metadata: .init(kind: "icd10cm")),
        hcpcs: CodeSet = CodeSet(metadata: .init(kind: "hcpcs")),
        hcpcsModifiers: CodeSet = CodeSet(metadata: .init(kind: "hcpcs-modifiers")),
        placesOfService: CodeSet = CodeSet(metadata: .init(kind: "pos")),
        states: CodeSet = CodeSet(metadata: .init(kind: "states")), zipPrefixes: ZipPrefixes = ZipPrefixes()
    ) {
        self.icd10cm = icd10cm
        self.hcpcs = hcpcs
        self.hcpcsModifiers = hcpcsModifiers
        self.placesOfService = placesOfService
        self.states = states
        self.zipPrefixes = zipPrefixes
    }

    /// No data: every code-set edit answers "cannot judge" and stays silent.
    public static let empty = CodeSets()

    /// The sets in `directory/`; a kind without a file stays empty.
    public static func load(from directory: URL) throws -> CodeSets {
        func read(_ kind: String) throws -> [UInt8]? {
            guard let url = file(for: kind, in: directory) else { return nil }
            return try Gzip.read(url.path)
        }
        func set(_ kind: String) throws -> CodeSet {
            guard let bytes = try read(kind) else { return CodeSet(metadata: .init(kind: kind)) }
            return try CodeSet(parsing: bytes, kind: kind)
        }
        return CodeSets(
            icd10cm: try set("icd10cm"), hcpcs: try set("hcpcs"), hcpcsModifiers: try set("hcpcs-modifiers"),
            placesOfService: try set("pos"), states: try set("states"),
            zipPrefixes: try read("zip3").map(ZipPrefixes.init(parsing:)) ?? ZipPrefixes())
    }

    /// The existing file of `kind` in `directory`, compressed or not.
    public static func file(for kind: String, in directory: URL) -> URL? {
        ["\(kind).txt.gz", "\(kind).txt"].map { directory.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Where the gateway's code sets live: `CLAIMSGATE_CODESETS`, else `Config/codesets` under the
    /// working directory (the data root), else the source checkout's `Config/codesets`.
    public static var defaultDirectory: URL {
        if let configured = ProcessInfo.processInfo.environment["CLAIMSGATE_CODESETS"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Config/codesets")
        if FileManager.default.fileExists(atPath: local.path) { return local }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Config/codesets")
    }

    /// Loaded once per process, on first use. A missing or unreadable directory leaves the sets
    /// empty (see `standardLoadError`): code-set edits then never reject.
    public static let standard: CodeSets = (try? load(from: defaultDirectory)) ?? .empty

    /// Why `standard` is empty, if it is.
    public static var standardLoadError: String? {
        do {
            _ = try load(from: defaultDirectory)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    /// Reads one release file (our format, or one code per line) and merges it into the current
    /// set of `kind` in `directory`, writing the result back; returns the merged set.
    public static func install(
        kind: String, release url: URL, version: String, effective: CalendarDate, into directory: URL
    ) throws -> CodeSet {
        guard kinds.contains(kind), kind != "zip3" else { throw Gzip.Failure(description: "unsupported kind \(kind)") }
        let release = try CodeSet(parsing: try Gzip.read(url.path), kind: kind)
        let target = file(for: kind, in: directory) ?? directory.appendingPathComponent("\(kind).txt")
        let merged: CodeSet
        if FileManager.default.fileExists(atPath: target.path) {
            let current = try CodeSet(parsing: try Gzip.read(target.path), kind: kind)
            merged = current.merging(release: release, effective: effective, version: version)
        } else {
            var fresh = release
            fresh.metadata.version = version
            fresh.metadata.effective = effective
            merged = fresh
        }
        let bytes = Array(merged.serialized().utf8)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).new")
        if target.pathExtension == "gz" {
            try Gzip.write(bytes, to: temporary.path)
        } else {
            try Data(bytes).write(to: temporary)
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw Gzip.Failure(description: "cannot replace \(target.path)")
        }
        return merged
    }
}
