extension String {
    /// The string without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        var view = Substring(self)
        while view.first == character { view.removeFirst() }
        while view.last == character { view.removeLast() }
        return String(view)
    }

    /// Runs of whitespace (spaces, tabs, line breaks, no-break spaces) become one space; the ends
    /// are trimmed.
    func collapsingWhitespace() -> String {
        if isCollapsed { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for character in self {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// True when there is nothing to collapse: no control characters, no doubled or outer spaces,
    /// and no lead byte of a non-ASCII space (C2: NEL, no-break space; E1, E2, E3: the other Unicode
    /// spaces) — letters such as ø or ü (lead byte C3) are fine.
    private var isCollapsed: Bool {
        withUTF8Bytes { bytes in
            var previousSpace = true
            for byte in bytes {
                if byte < 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 { return false }
                if byte == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
            }
            return !previousSpace || bytes.isEmpty
        }
    }
}
