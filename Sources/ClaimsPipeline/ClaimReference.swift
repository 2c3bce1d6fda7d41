/// The gateway's id of a stored claim, `CG<file id>-<n>` (n counts from 1), as the 277CA's
/// REF*1K and the review commands show it.
public struct ClaimReference: Sendable, Hashable, CustomStringConvertible {
    public var fileID: Int64
    /// 0-based index of the claim in the file.
    public var claimIndex: Int

    public init(fileID: Int64, claimIndex: Int) {
        self.fileID = fileID
        self.claimIndex = claimIndex
    }

    public init?(_ text: String) {
        guard text.hasPrefix("CG"), let dash = text.firstIndex(of: "-"),
            let file = Int64(text[text.index(text.startIndex, offsetBy: 2)..<dash]),
            let number = Int(text[text.index(after: dash)...]), number >= 1
        else { return nil }
        self.init(fileID: file, claimIndex: number - 1)
    }

    public var description: String { AcknowledgmentPlanner.claimID(fileID: fileID, claimIndex: claimIndex) }
}
