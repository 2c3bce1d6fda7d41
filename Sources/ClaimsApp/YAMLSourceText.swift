import Foundation
import Yams

/// The text of a YAML document, edited at the positions Yams reports for its nodes, so a small
/// change (one more list item, one replaced or added scalar) leaves comments and layout as the
/// operator wrote them. Positions are offsets in Unicode scalars, as libyaml counts columns. Edits
/// are best effort: the caller re-parses the result and checks it means what it should.
struct YAMLSourceText {
    private(set) var scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The offset of a node's first character.
    func offset(of mark: Mark) -> Int? {
        var line = 1
        var index = 0
        while line < mark.line {
            guard let newline = scalars[index...].firstIndex(of: "\n") else { return nil }
            index = newline + 1
            line += 1
        }
        let offset = index + mark.column - 1
        return offset <= scalars.count ? offset : nil
    }

    /// Whether the collection starting at `mark` is written in flow style (`[…]`, `{…}`). Read from
    /// the text: Yams does not report the style of the collections it parses. True when unknown, so
    /// callers leave such a collection to a whole-document rewrite.
    func isFlowCollection(at mark: Mark?) -> Bool {
        guard let mark, let offset = offset(of: mark), offset < scalars.count else { return true }
        return scalars[offset] == "[" || scalars[offset] == "{"
    }

    /// The column (from 0) of an offset in its line.
    func column(of offset: Int) -> Int {
        offset - ((scalars[..<offset].lastIndex(of: "\n")).map { $0 + 1 } ?? 0)
    }

    /// The end of a scalar that starts at `start` and fits on its line: after the closing quote of a
    /// quoted one; before a comment, a line end, or (in a flow collection) `,`, `]`, `}` for a plain one.
    func scalarEnd(from start: Int, inFlow: Bool) -> Int? {
        guard start < scalars.count else { return nil }
        var index = start + 1
        switch scalars[start] {
        case "'":
            while index < scalars.count, scalars[index] != "\n" {
                if scalars[index] == "'" {
                    if index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                    return index + 1
                }
                index += 1
            }
            return nil
        case "\"":
            while index < scalars.count, scalars[index] != "\n" {
                if scalars[index] == "\\" { index += 2; continue }
                if scalars[index] == "\"" { return index + 1 }
                index += 1
            }
            return nil
        default:
            index = start
            while index < scalars.count, scalars[index] != "\n",
                !(scalars[index] == "#" && index > start && scalars[index - 1] == " "),
                !(inFlow && [",", "]", "}"].contains(scalars[index]))
            {
                index += 1
            }
            while index > start, scalars[index - 1] == " " { index -= 1 }
            return index
        }
    }

    /// The start of the line after the one holding `offset` (a line end is added to a last line
    /// without one).
    mutating func startOfNextLine(after offset: Int) -> Int {
        if let newline = scalars[offset...].firstIndex(of: "\n") { return newline + 1 }
        scalars.append("\n")
        return scalars.count
    }

    /// The first `character` at or after `offset` outside quotes.
    func firstUnquoted(_ character: Unicode.Scalar, from offset: Int) -> Int? {
        var index = offset
        while index < scalars.count {
            if scalars[index] == character { return index }
            if scalars[index] == "'" || scalars[index] == "\"" {
                guard let end = scalarEnd(from: index, inFlow: true) else { return nil }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }

    mutating func replace(_ range: Range<Int>, with replacement: String) {
        scalars.replaceSubrange(range, with: Array(replacement.unicodeScalars))
    }

    mutating func insert(_ text: String, at offset: Int) {
        replace(offset..<offset, with: text)
    }

    /// A single-quoted YAML scalar of `value` (quotes doubled); for one-line values.
    static func singleQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
