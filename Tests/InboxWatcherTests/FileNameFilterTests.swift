import Testing

@testable import InboxWatcher

@Suite struct FileNameFilterTests {
    let filter = FileNameFilter(
        ignoredSuffixes: InboxWatcher.Configuration.defaultIgnoredSuffixes, ignoresHiddenFiles: true)

    @Test(arguments: ["claims.x12", "837P_20240101.edi", "part", "x.partial", "file.tmp.x12", "a"])
    func finalNamesAreAdmitted(name: String) {
        #expect(filter.admits(name))
    }

    @Test(arguments: [".claims.x12", ".claims.x12.part", "claims.part", "claims.TMP", "claims.filepart", "", ".", ".."])
    func temporaryAndHiddenNamesAreNot(name: String) {
        #expect(!filter.admits(name))
    }

    @Test func hiddenFilesCanBeAdmittedByConfiguration() {
        let filter = FileNameFilter(ignoredSuffixes: [], ignoresHiddenFiles: false)
        #expect(filter.admits(".claims.x12"))
        #expect(filter.admits("claims.part"))
        #expect(!filter.admits(".."))
    }

    @Test(arguments: [
        ("acme", true), ("ACME-01_x", true), ("", false), (".", false), ("..", false),
        (".hidden", false), ("a/b", false), ("../x", false), ("a\u{0}b", false),
    ])
    func partnerIdsMustBeOneVisiblePathComponent(partner: String, valid: Bool) {
        #expect(FileNameFilter.isValidPartner(partner) == valid)
    }
}
