import Foundation
import Testing

@testable import InboxWatcher

#if canImport(Glibc)
    import Glibc
#endif

/// Real inotify on real files in a temporary folder. "Not reported" is proven with a sentinel
/// file dropped afterwards (events are reported in order), never with a sleep.
@Suite struct InboxWatcherTests {
    @Test func filesPresentBeforeStartAreReportedFirst() async throws {
        let inbox = try InboxHarness(partners: ["acme"])
        try inbox.write("one.x12", partner: "acme")
        try inbox.write("two.x12", partner: "acme")
        try inbox.write(".hidden.x12", partner: "acme")
        try inbox.write("three.x12.part", partner: "acme")
        try FileManager.default.createDirectory(
            at: inbox.folder("acme").appending(component: "subfolder"),
            withIntermediateDirectories: false
        )
        try await inbox.start()

        let found = try await inbox.receive(["one.x12", "two.x12"])
        #expect(found.map(\.name) == ["one.x12", "two.x12"])
        #expect(found.allSatisfy { $0.partner == "acme" })
        #expect(found.first?.url.path == inbox.folder("acme").appending(component: "one.x12").path)
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)
    }

    @Test func fileWrittenThenClosedIsReportedOnce() async throws {
        let inbox = try InboxHarness(partners: ["acme"])
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)  // the watch is in place

        try inbox.write("claims.x12", partner: "acme")
        let file = try #require(try await inbox.next())
        #expect(file.name == "claims.x12")
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)
    }

    @Test(arguments: ["batch.x12.part", "batch.x12.tmp", "batch.x12.filepart", "batch.X12.PART", ".batch.x12"])
    func uploadInProgressIsReportedOnlyOnceRenamed(temporaryName: String) async throws {
        let inbox = try InboxHarness(partners: ["acme"])
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)

        let temporary = try inbox.write(temporaryName, partner: "acme")
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)

        try inbox.move(temporary, to: "acme", as: "batch.x12")
        let file = try #require(try await inbox.next())
        #expect(file.name == "batch.x12")
        #expect(file.partner == "acme")
    }

    @Test func fileMovedInFromAnotherFolderIsReported() async throws {
        let inbox = try InboxHarness(partners: ["acme"])
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)

        let elsewhere = try inbox.write("dropped.x12", in: inbox.outside)
        try inbox.move(elsewhere, to: "acme", as: "dropped.x12")
        let file = try #require(try await inbox.next())
        #expect(file.name == "dropped.x12")
    }

    @Test func hiddenFilesAndDirectoriesAreIgnored() async throws {
        let inbox = try InboxHarness(partners: ["acme"])
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)

        try inbox.write(".DS_Store", partner: "acme")
        try inbox.write(".claims.x12", partner: "acme")
        try FileManager.default.createDirectory(
            at: inbox.folder("acme").appending(component: "newdir"),
            withIntermediateDirectories: false
        )
        let elsewhere = inbox.outside.appending(component: "movedDir")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
        try inbox.move(elsewhere, to: "acme", as: "movedDir")
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)
    }

    @Test func partnersAreKeptApart() async throws {
        let inbox = try InboxHarness(partners: ["acme", "globex"])
        try inbox.write("before.x12", partner: "globex")
        try await inbox.start()
        let early = try await inbox.receive(["before.x12"])
        #expect(early.map(\.partner) == ["globex"])

        try inbox.write("a.x12", partner: "acme")
        try inbox.write("g.x12", partner: "globex")
        let files = try await inbox.receive(["a.x12", "g.x12"])
        #expect(Set(files.map { "\($0.partner)/\($0.name)" }) == ["acme/a.x12", "globex/g.x12"])
        for file in files {
            #expect(file.url.deletingLastPathComponent().lastPathComponent == file.partner)
        }
    }

    @Test func missingPartnerFoldersAreCreated() async throws {
        let inbox = try InboxHarness(partners: ["acme", "initech"], precreated: ["acme"])
        try inbox.write("before.x12", partner: "acme")
        try await inbox.start()
        // All folders are opened before any is scanned, so once this arrives "initech" exists.
        _ = try await inbox.receive(["before.x12"])

        var info = stat()
        #expect(lstat(inbox.folder("initech").path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFDIR)
        #expect(info.st_mode & 0o7777 == 0o750)
        try inbox.write("new.x12", partner: "initech")
        #expect(try await inbox.next()?.partner == "initech")
    }

    @Test func partnersCanBeAddedAndRemovedAtRuntime() async throws {
        let inbox = try InboxHarness(partners: ["acme", "globex"], precreated: ["acme", "globex", "hooli"])
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)

        try inbox.write("waiting.x12", partner: "hooli")
        inbox.watcher.update(partners: ["acme", "globex", "hooli"])
        let added = try #require(try await inbox.next())
        #expect(added.partner == "hooli")
        #expect(added.name == "waiting.x12")

        inbox.watcher.update(partners: ["globex", "hooli"])
        try await withDeadline("acme unwatched") { await inbox.logs.waitFor("Stopped watching partner folder") }
        try inbox.write("late.x12", partner: "acme")
        try inbox.write("live.x12", partner: "hooli")
        #expect(try await inbox.next()?.name == "live.x12")
        #expect(try await inbox.sentinel(partner: "globex").isEmpty)
    }

    @Test func symlinksAreIgnoredAndLogged() async throws {
        let inbox = try InboxHarness(partners: ["acme", "linked"], precreated: ["acme"])
        let target = try inbox.write("target.x12", in: inbox.outside)
        try FileManager.default.createSymbolicLink(
            at: inbox.folder("acme").appending(component: "present-link.x12"),
            withDestinationURL: target
        )
        // A partner folder that is a symlink to a real directory is refused, not followed.
        try FileManager.default.createSymbolicLink(at: inbox.folder("linked"), withDestinationURL: inbox.outside)
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)
        #expect(inbox.logs.contains("Symlink in inbox ignored", level: .warning))
        #expect(inbox.logs.contains("it is a symlink", level: .error))

        // `ln -s` elsewhere then `mv` in: an IN_MOVED_TO for a link.
        let link = inbox.outside.appending(component: "moved-link.x12")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try inbox.move(link, to: "acme", as: "moved-link.x12")
        try inbox.write("through-link.x12", in: inbox.outside)
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)
        #expect(inbox.logs.entries.filter { $0.message.contains("Symlink in inbox ignored") }.count == 2)
    }

    @Test func invalidPartnerIdsAreNotWatched() async throws {
        let inbox = try InboxHarness(partners: ["acme", "../escape", ".hidden", ""], precreated: ["acme"])
        try await inbox.start()
        #expect(try await inbox.sentinel(partner: "acme").isEmpty)
        #expect(inbox.logs.entries.filter { $0.message.contains("not a valid folder name") }.count == 3)
        #expect(!FileManager.default.fileExists(atPath: inbox.directory.url.appending(component: "escape").path))
    }
}
