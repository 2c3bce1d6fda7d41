import ClaimsStore
import ClaimsTestSupport
import Foundation
import Testing
import X12

/// After a full run of generated files through `claimsgate serve`, neither the gateway's log
/// output, nor a plain `pg_dump` of its database, nor the archive folder holds any generated
/// patient or subscriber name, member id or birth date in clear text; `archive cat` (audited)
/// gives the original bytes back.
@Suite(.serialized) struct PHIAtRestEndToEndTests {
    @Test func logsDatabaseDumpAndArchiveHoldNoClearPHI() async throws {
        try await TestDatabase.with { database in
            let root = try TemporaryDirectory()
            let gateway = try await GatewayProcess(root: root.url, databaseURL: database.url)
            var phi = GeneratedPHI()
            var originals: [String: Data] = [:]
            for (name, seed) in [("first.x12", 11), ("second.x12", 12)] {
                let file = root.url.appendingPathComponent(name)
                try IndependentFixture.write(claims: 250, to: file, seed: seed)
                originals[name] = try Data(contentsOf: file)
                try phi.collect(from: file)
                try gateway.drop(file, as: name)
            }
            try await database.waitUntilArchived(Set(originals.keys))
            #expect(try await gateway.stop() == 0)
            #expect(phi.memberIDs.count > 100 && phi.birthDates.count > 100 && phi.names.count > 20)

            // bytea values (ciphertext, MACs) print as hex, where an 8-digit date can occur by chance.
            let dump = try Self.pgDump(database.url).replacing(/\\x[0-9a-f]+/, with: "\\x")
            #expect(dump.contains("COPY public.claims"))
            let archived = GatewayProcess.files(under: gateway.archive).map { name in
                String(decoding: Self.contents(named: name, under: gateway.archive), as: UTF8.self)
            }.joined()
            for (label, text) in [("log", gateway.log), ("pg_dump", dump), ("archive", archived)] {
                let leaks = phi.leaks(in: text)
                #expect(leaks.isEmpty, "\(label) holds PHI in clear: \(leaks.prefix(5))")
            }

            let record = try #require(
                try await FileRepository(database: database.database).files(inState: [.archived]).first {
                    $0.originalName == "first.x12"
                })
            let cat = try Self.cli(["archive", "cat", String(record.id)], root: root.url, database: database)
            #expect(cat == originals["first.x12"])
            let show = try Self.cli(["audit", "show", "--action", "archive.read"], root: root.url, database: database)
            #expect(String(decoding: show, as: UTF8.self).contains("file:\(record.id)"))
            let verify = try Self.cli(["audit", "verify"], root: root.url, database: database)
            #expect(String(decoding: verify, as: UTF8.self).contains("audit trail intact"))

            // An altered archive hands out nothing: its tag is checked whole before a byte goes out.
            let archive = URL(fileURLWithPath: try #require(record.storedPath))
            var altered = try Data(contentsOf: archive)
            altered[altered.count / 2] ^= 0x01
            try FileManager.default.removeItem(at: archive)
            try altered.write(to: archive)
            let refused = try Self.execute(
                GatewayProcess.executable, ["archive", "cat", String(record.id), "--root", root.url.path],
                environment: ["CLAIMSGATE_DATABASE_URL": database.url])
            #expect(refused.status != 0)
            #expect(refused.output.isEmpty)
        }
    }

    static func contents(named name: String, under directory: URL) -> Data {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == name { return (try? Data(contentsOf: url)) ?? Data() }
        }
        return Data()
    }

    static func pgDump(_ url: String) throws -> String {
        let candidates = ["/usr/lib/postgresql/15/bin/pg_dump", "/usr/bin/pg_dump"]
        let executable = candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/pg_dump"
        return String(decoding: try run(URL(fileURLWithPath: executable), ["--dbname=\(url)"], environment: [:]), as: UTF8.self)
    }

    static func cli(_ arguments: [String], root: URL, database: TestDatabase) throws -> Data {
        try run(GatewayProcess.executable, arguments + ["--root", root.path], environment: ["CLAIMSGATE_DATABASE_URL": database.url])
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Data {
        let (status, output) = try execute(executable, arguments, environment: environment)
        guard status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(executable.lastPathComponent) \(arguments) failed"])
        }
        return output
    }

    /// The exit status and standard output of `executable`, whatever the status.
    static func execute(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}

/// The PHI values a generated file carries: subscriber and patient names (NM1*IL, NM1*QC),
/// member ids (NM1*IL NM109) and birth dates (DMG02).
struct GeneratedPHI {
    var names: Set<String> = []
    var memberIDs: Set<String> = []
    var birthDates: Set<String> = []

    mutating func collect(from file: URL) throws {
        let interchanges = try InterchangeReader.read(X12Source(bytes: [UInt8](Data(contentsOf: file))))
        // Each set's own iterator holds the file while its segments are read.
        for set in interchanges.flatMap(\.groups).flatMap(\.transactionSets) {
            for segment in set.segments {
                let elements = segment.elements.map(\.string)
                if segment.id == "NM1", ["IL", "QC"].contains(elements[0]) {
                    names.insert(elements[2])
                    if elements.count > 3, !elements[3].isEmpty { names.insert(elements[3]) }
                    if elements[0] == "IL", elements.count > 8 { memberIDs.insert(elements[8]) }
                }
                if segment.id == "DMG", elements.count > 1 { birthDates.insert(elements[1]) }
            }
        }
    }

    /// Values found in `text`: member ids and birth dates (as YYYYMMDD and YYYY-MM-DD) anywhere,
    /// names as whole words.
    func leaks(in text: String) -> [String] {
        let words = Set(text.split { !$0.isLetter }.map(String.init))
        var found = memberIDs.filter { text.contains($0) }
        for date in birthDates {
            let dashed = "\(date.prefix(4))-\(date.dropFirst(4).prefix(2))-\(date.suffix(2))"
            if text.contains(date) || text.contains(dashed) { found.insert(date) }
        }
        found.formUnion(names.filter { words.contains($0) })
        return found.sorted()
    }
}
