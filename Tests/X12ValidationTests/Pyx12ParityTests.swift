import ClaimsTestSupport
import Foundation
import Testing
import X12
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
        try compare(Self.sampleNames.map { ($0, Self.repetitionSeparatorSet(try Fixtures.sample("837p/\($0)"))) })
    }

    @Test func injectedErrors() throws {
        try compare(Self.injectedCases.map { ("\($0).x12", EditHarness.bytes(EditCases.all[$0])) })
    }

    /// Some samples carry the 4010 `U` in ISA11, which claimsgate rejects with a TA1 (016) before
    /// looking inside and pyx12 accepts; with a real repetition separator both read the content.
    static func repetitionSeparatorSet(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        if let isa = bytes.firstIndex(of: UInt8(ascii: "I")), bytes.count > isa + 82, bytes[isa + 82] == UInt8(ascii: "U") {
            bytes[isa + 82] = UInt8(ascii: "^")
        }
        return bytes
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
            guard let pyx12 = Self.pyx12Errors(url, name: file.name) ?? Self.pyx12TextErrors(file.bytes, name: file.name) else { continue }
            read += 1
            let missing = Self.unmatched(pyx12, by: Self.claimsgateLocations(file.bytes))
            #expect(missing.isEmpty, "\(file.name): pyx12 reports, claimsgate does not: \(missing)")
        }
        #expect(read * 5 >= files.count * 4, "pyx12 read only \(read) of \(files.count) files")
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

    /// Runs x12valid over `files`. It gives up on the rest of its arguments when one file makes
    /// it fail outright, so it is started again after each such file (which gets no JSON).
    static func runPyx12(_ files: [URL]) throws {
        var pending = files[...]
        while !pending.isEmpty {
            try runPyx12Once(Array(pending))
            guard let stopped = pending.firstIndex(where: { !FileManager.default.fileExists(atPath: $0.path + ".json") }) else {
                return
            }
            pending = pending[(stopped + 1)...]
        }
    }

    static func runPyx12Once(_ files: [URL]) throws {
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
    static func pyx12Errors(_ file: URL, name: String) -> [Location: String]? {
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
                            record(error, Location(set: control, segment: position), name: name, into: &errors)
                        }
                        for element in segment["elements"] as? [[String: Any]] ?? [] {
                            for error in element["errors"] as? [[String: Any]] ?? [] {
                                record(error, Location(set: control, segment: position, element: element["ele_pos"] as? Int), name: name, into: &errors)
                            }
                        }
                    }
                }
            }
        }
        return errors
    }

    /// When x12valid cannot write JSON for a file (it fails on some envelopes), its ERROR lines:
    /// `Line:N` counts segments from the start of the file, so each maps to a transaction set and
    /// a position in it; the lines carry no element position, so they compare at segment level.
    static func pyx12TextErrors(_ bytes: [UInt8], name: String) -> [Location: String]? {
        guard let verdict = try? Pyx12.validate(bytes: bytes, name: name) else { return nil }
        guard let interchanges = try? InterchangeReader.read(X12Source(bytes: bytes)) else { return nil }
        var starts: [(start: Int, set: String?, position: Int)] = []
        for interchange in interchanges {
            starts.append((interchange.header.segment.range.lowerBound, nil, 0))
            for group in interchange.groups {
                starts.append((group.header.range.lowerBound, nil, 0))
                for set in group.transactionSets {
                    for (offset, segment) in set.segments.enumerated() {
                        starts.append((segment.range.lowerBound, set.controlNumber, offset + 1))
                    }
                }
                if let trailer = group.trailer { starts.append((trailer.range.lowerBound, nil, 0)) }
            }
            if let trailer = interchange.trailer { starts.append((trailer.range.lowerBound, nil, 0)) }
        }
        starts.sort { $0.start < $1.start }
        var errors: [Location: String] = [:]
        for line in verdict.errors {
            guard let range = line.range(of: #"Line:(\d+) SEG:(\w+)"#, options: .regularExpression) else { continue }
            let fields = line[range].split(whereSeparator: { $0 == ":" || $0 == " " })
            guard let number = Int(fields[1]), number >= 1, number <= starts.count, let set = starts[number - 1].set else { continue }
            let message = "\(fields[3]) " + line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard !Pyx12Difference.all.contains(where: { $0.covers(message, in: name) }) else { continue }
            errors[Location(set: set, segment: starts[number - 1].position)] = message
        }
        return errors
    }

    static func record(_ error: [String: Any], _ location: Location, name: String, into errors: inout [Location: String]) {
        let message = "\(error["err_cde"] ?? "?") \(error["err_str"] ?? "")"
        guard !Pyx12Difference.all.contains(where: { $0.covers(message, in: name) }) else { return }
        errors[location] = message
    }
}
