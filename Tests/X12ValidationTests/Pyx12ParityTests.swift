import ClaimsTestSupport
import Foundation
import Testing
import X12Validation

/// Every 999-level error pyx12 reports (segment position, element position) is reported by
/// claimsgate too, on the public samples and on the edit cases' injected errors. External code
/// sets (SNIP 5) are left to the business edits, and `Pyx12Difference.all` lists what we
/// deliberately report otherwise.
@Suite struct Pyx12ParityTests {
    /// One error location: transaction set, segment position from ST, element position (nil for a
    /// segment-level error).
    struct Location: Hashable, CustomStringConvertible {
        var set: String
        var segment: Int
        var element: Int?
        var description: String { "ST02 \(set) segment \(segment)" + (element.map { " element \($0)" } ?? "") }
    }

    static let sampleNames: [String] = {
        let directory = Fixtures.sharedSamples.appendingPathComponent("837p")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasSuffix(".997") && !$0.contains("X222A2") }.sorted()
    }()

    static let injectedCases: [String] = EditCases.all.keys.filter {
        !$0.hasPrefix("ENV") && !$0.hasPrefix("GRP") && !$0.hasPrefix("TS")
    }.sorted()

    @Test func samples() throws {
        try compare(Self.sampleNames.map { ($0, try Fixtures.sample("837p/\($0)")) })
    }

    @Test func injectedErrors() throws {
        try compare(Self.injectedCases.map { ("\($0).x12", EditHarness.bytes(EditCases.all[$0])) })
    }

    /// Runs pyx12 once over all `files` and checks each against claimsgate's findings.
    func compare(_ files: [(name: String, bytes: [UInt8])]) throws {
        let directory = try TemporaryDirectory()
        let urls = try files.map { name, bytes in
            let url = directory.url.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url
        }
        try Self.runPyx12(urls)
        var read = 0
        for (url, file) in zip(urls, files) {
            guard let pyx12 = Self.pyx12Errors(url) else { continue }
            read += 1
            let missing = Self.unmatched(pyx12, by: Self.claimsgateLocations(file.bytes))
            #expect(missing.isEmpty, "\(file.name): pyx12 reports, claimsgate does not: \(missing)")
        }
        #expect(read * 4 >= files.count * 3, "pyx12 read only \(read) of \(files.count) files")
    }

    /// pyx12 errors claimsgate does not account for: an element error needs a finding on that
    /// element or its segment; a segment error a finding one position either side (pyx12 places a
    /// missing segment after its place); a structure error that follows an accounted-for error in
    /// the same set is its cascade (see `Pyx12Difference`).
    static func unmatched(_ pyx12: [Location: String], by ours: Set<Location>) -> [String] {
        var missing: [String] = []
        var matchedInSet: Set<String> = []
        for (location, message) in pyx12.sorted(by: { ($0.key.set, $0.key.segment) < ($1.key.set, $1.key.segment) }) {
            let segmentMatch = (location.segment - 1...location.segment + 1).contains { segment in
                ours.contains { $0.set == location.set && $0.segment == segment }
            }
            let matched =
                location.element == nil
                ? segmentMatch
                : ours.contains(location) || ours.contains(Location(set: location.set, segment: location.segment))
            let cascade = location.element == nil && matchedInSet.contains(location.set)
                && ["1", "2", "3", "7", "HL1", "HL2", "LX"].contains(String(message.prefix { $0 != " " }))
            if matched { matchedInSet.insert(location.set) } else if !cascade { missing.append("\(location): \(message)") }
        }
        return missing
    }

    /// Locations claimsgate reports: each finding's segment, and each of its elements.
    static func claimsgateLocations(_ bytes: [UInt8]) -> Set<Location> {
        var locations: Set<Location> = []
        for set in EditHarness.assessment(bytes)?.interchanges.flatMap(\.groups).flatMap(\.transactionSets) ?? [] {
            let control = set.set.controlNumber
            for finding in set.verdict.findings {
                locations.insert(Location(set: control, segment: finding.position))
                for element in finding.elements {
                    locations.insert(Location(set: control, segment: finding.position, element: element.position))
                }
            }
        }
        return locations
    }

    static func runPyx12(_ files: [URL]) throws {
        guard let executable = ["/usr/local/bin/x12valid", "/root/.pyenv/shims/x12valid"].first(where: FileManager.default.isExecutableFile)
            ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map({ "\($0)/x12valid" })
                .first(where: FileManager.default.isExecutableFile)
        else { throw Pyx12.Failure.notInstalled }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-J", "-q"] + ["states", "country", "pos", "currency", "entity_id", "remark_code"].flatMap { ["-x", $0] }
            + files.map(\.path)
        process.currentDirectoryURL = files.first?.deletingLastPathComponent()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    /// pyx12's segment and element errors by location with their messages, or nil when pyx12
    /// could not read the file at all (no JSON written).
    static func pyx12Errors(_ file: URL) -> [Location: String]? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file.path + ".json")),
            let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return nil }
        var errors: [Location: String] = [:]
        for interchange in root["interchanges"] as? [[String: Any]] ?? [] {
            for group in interchange["groups"] as? [[String: Any]] ?? [] {
                for set in group["transactions"] as? [[String: Any]] ?? [] {
                    let control = set["trn_set_control_num"] as? String ?? ""
                    for segment in set["segments"] as? [[String: Any]] ?? [] {
                        guard let position = segment["seg_count"] as? Int else { continue }
                        for error in segment["errors"] as? [[String: Any]] ?? [] {
                            record(error, Location(set: control, segment: position), into: &errors)
                        }
                        for element in segment["elements"] as? [[String: Any]] ?? [] {
                            for error in element["errors"] as? [[String: Any]] ?? [] {
                                record(error, Location(set: control, segment: position, element: element["ele_pos"] as? Int), into: &errors)
                            }
                        }
                    }
                }
            }
        }
        return errors
    }

    static func record(_ error: [String: Any], _ location: Location, into errors: inout [Location: String]) {
        let message = "\(error["err_cde"] ?? "?") \(error["err_str"] ?? "")"
        guard !Pyx12Difference.all.contains(where: { $0.pyx12Message.map(message.contains) ?? false }) else { return }
        errors[location] = message
    }
}
