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
    var isCollapsed: Bool {
        withUTF8Bytes { Self.isCollapsed($0) }
    }

    /// `isCollapsed` of UTF-8 bytes.
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        return !bytes.anyChunk(filler: 0x61) { chunk, next in
            let controls = (chunk & .all(0xE0)) .== .all(0)
            let spaceLeads = (chunk .== .all(0xC2)) .| (chunk .== .all(0xE1)) .| (chunk .== .all(0xE2)) .| (chunk .== .all(0xE3))
            return (controls .| spaceLeads .| ((chunk .== .all(0x20)) .& (next .== .all(0x20)))).anySet
        }
    }
}
