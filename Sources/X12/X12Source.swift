/// The bytes of one received file, shared by every segment and element cut from it.
///
/// A final class so that the thousands of `Segment` values of a file share one buffer by reference
/// instead of each retaining an array.
public final class X12Source: Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public convenience init(_ text: String) { self.init(bytes: Array(text.utf8)) }
}
