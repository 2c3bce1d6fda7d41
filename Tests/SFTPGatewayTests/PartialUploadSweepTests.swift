import ClaimsTestSupport
import Foundation
import Glibc
import Testing

@testable import SFTPGateway

/// Abandoned partial uploads are deleted at start once older than the bound; nothing else is.
@Suite struct PartialUploadSweepTests {
    let day: Int = 86_400

    @Test func removesOnlyHiddenPartialUploadsOlderThanTheBound() throws {
        let root = try TemporaryDirectory(prefix: "cg-sweep")
        let inbox = root.url.appendingPathComponent("inbox")
        let now = timespec.now
        let old = now.tv_sec - 3 * day
        let files: [(path: String, modified: Int)] = [
            ("alpha/.abandoned.x12.part", old),
            ("alpha/.resumable.x12.part", now.tv_sec - day),
            ("alpha/waiting.x12", old),
            ("alpha/.part", old),
            ("alpha/.notes", old),
            ("beta/.other.x12.part", old),
            ("outside.x12.part", old),
        ]
        for file in files { try write(inbox.appendingPathComponent(file.path), modified: file.modified) }
        let target = inbox.appendingPathComponent("alpha/waiting.x12").path
        try FileManager.default.createSymbolicLink(
            atPath: inbox.appendingPathComponent("alpha/.linked.x12.part").path, withDestinationPath: target)

        let descriptor = open(inbox.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let removed = PartialUploadSweep.run(inboxRoot: descriptor, maximumAge: .seconds(2 * day), now: now)

        #expect(removed == ["alpha": 1, "beta": 1])
        let remaining = try Set(
            ["alpha", "beta"].flatMap { partner in
                try FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent(partner).path)
                    .map { "\(partner)/\($0)" }
            })
        #expect(remaining == ["alpha/.resumable.x12.part", "alpha/waiting.x12", "alpha/.part", "alpha/.notes", "alpha/.linked.x12.part"])
        #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("outside.x12.part").path))
    }

    @Test(arguments: [
        (".claims.x12.part", true), (".a.part", true), (".part", false), ("..part", false), (".x.part.tmp", false),
        ("claims.x12.part", false), ("..hidden.part", false),
    ])
    func recognisesTheServersTemporaryNames(name: String, expected: Bool) {
        #expect(PartialUploadSweep.isPartialUpload(name) == expected)
    }

    private func write(_ url: URL, modified: Int) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("ISA".utf8).write(to: url)
        var times = [timespec(tv_sec: modified, tv_nsec: 0), timespec(tv_sec: modified, tv_nsec: 0)]
        try #require(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }
}
