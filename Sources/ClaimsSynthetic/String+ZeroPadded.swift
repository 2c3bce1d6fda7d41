extension String {
    /// Zero-padded decimal digits (`7`, width 4 → `0007`), for control numbers and CLM01.
    init(zeroPadded value: Int, width: Int) {
        let digits = String(value)
        self = String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
