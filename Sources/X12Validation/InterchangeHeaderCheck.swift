import X12

/// Checks the fixed ISA fields that decide whether an interchange can be trusted at all; each
/// failure is a TA1 rejection with its note code (TA105).
public enum InterchangeHeaderCheck {
    static let idQualifiers: Set<String> = ["01", "14", "20", "27", "28", "29", "30", "33", "ZZ"]

    /// Problems with `header`, in ISA element order. `expectedReceiver` is the gateway's own
    /// ISA07/ISA08; `senderAllowed` says whether ISA05/ISA06 belong to the uploading partner.
    public static func issues(
        of header: InterchangeHeader, expectedReceiver: (qualifier: String, id: String),
        senderAllowed: (_ qualifier: String, _ id: String) -> Bool
    ) -> [InterchangeIssue] {
        let segment = header.segment
        var issues: [InterchangeIssue] = []
        func require(_ condition: Bool, element: Int, code: String) {
            if !condition { issues.append(.invalidField(element: element, noteCode: code)) }
        }
        require(["00", "03"].contains(header.authorizationQualifier), element: 1, code: "010")
        require(segment[2].count == 10, element: 2, code: "011")
        require(["00", "01"].contains(header.securityQualifier), element: 3, code: "012")
        require(segment[4].count == 10, element: 4, code: "013")
        require(idQualifiers.contains(header.senderQualifier), element: 5, code: "005")
        require(segment[6].count == 15 && senderAllowed(header.senderQualifier, header.senderID), element: 6, code: "006")
        require(idQualifiers.contains(header.receiverQualifier), element: 7, code: "007")
        require(
            segment[8].count == 15 && header.receiverQualifier == expectedReceiver.qualifier
                && header.receiverID == expectedReceiver.id, element: 8, code: "008")
        require(isDate(header.date), element: 9, code: "014")
        require(isTime(header.time), element: 10, code: "015")
        require(header.delimiters.repetition != 0, element: 11, code: "016")
        require(header.versionNumber == "00501", element: 12, code: "017")
        require(header.controlNumber.utf8.count == 9 && header.controlNumber.allSatisfy(\.isASCIIDigit), element: 13, code: "018")
        require(["0", "1"].contains(segment[14].string), element: 14, code: "019")
        require(["P", "T"].contains(header.usageIndicator), element: 15, code: "020")
        return issues
    }

    /// `YYMMDD` with a real month and day.
    static func isDate(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard text.count == 6, digits.count == 6 else { return false }
        let month = digits[2] * 10 + digits[3]
        let day = digits[4] * 10 + digits[5]
        let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...daysInMonth[month - 1]).contains(day)
    }

    /// `HHMM`.
    static func isTime(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard text.count == 4, digits.count == 4 else { return false }
        return digits[0] * 10 + digits[1] < 24 && digits[2] * 10 + digits[3] < 60
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
