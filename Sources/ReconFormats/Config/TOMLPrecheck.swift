import ReconCore

/// What recon checks in a TOML text before TOMLKit parses it: inputs on which the parser inside
/// TOMLKit (toml++ 3) fails an assertion and aborts the process instead of reporting an error.
///
/// Found by fuzzing (`make fuzz`, target `profile`), each a one-character typo in recon.toml or a
/// profile that killed recon with SIGABRT:
/// - a table header whose name starts with a character that cannot begin a key — `[` alone on a
///   line, `[.a]`, `[#]`, `[[=]]` — trips `parse_key(): Assertion 'is_bare_key_character(*cp) ||
///   is_string_delimiter(*cp)'`;
/// - a `}` where an array expects a value — `x = [}`, `x = [1, }` — trips `parse_value():
///   Assertion '!is_value_terminator(*cp)'`.
/// The check follows TOML's lexical structure (strings of the four kinds, comments, arrays and
/// inline tables that span lines) so that a `[` starting a line inside a value is never taken for
/// a header, and a `}` inside a string is just text.
enum TOMLPrecheck {
    static func check(_ text: String, path: String) throws {
        let bytes = Array(text.utf8)
        var index = 0, line = 1, lineStart = 0
        var open: [UInt8] = []    // the `[` and `{` of a value still open
        var expectsValue = false  // inside an array, after `[` or `,`
        var atLineStart = true    // only blanks so far on this line, outside any value
        var depth: Int { open.count }
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        func newline() { line += 1; lineStart = index + 1 }
        /// Skips a string starting at `index`; multi-line strings may span lines.
        func skipString(_ quote: UInt8) {
            let triple = at(1) == quote && at(2) == quote
            index += triple ? 3 : 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { index += 2; continue }
                if byte == 0x0A { if !triple { return }; newline() }
                if byte == quote && (!triple || (at(1) == quote && at(2) == quote)) {
                    index += triple ? 3 : 1
                    // A closing `"""` may be followed by up to two more quotes that belong to the text.
                    while triple && at(0) == quote { index += 1 }
                    return
                }
                index += 1
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                newline()
                if depth == 0 { atLineStart = true }
                index += 1
            case 0x20, 0x09, 0x0D:
                index += 1
            case UInt8(ascii: "#"):
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                atLineStart = false
                expectsValue = false
                skipString(byte)
            case UInt8(ascii: "[") where atLineStart && depth == 0:
                // A table header: `[` or `[[`, blanks, then the first key must begin properly.
                index += at(1) == UInt8(ascii: "[") ? 2 : 1
                while at(0) == 0x20 || at(0) == 0x09 { index += 1 }
                if let next = at(0), !isKeyStart(next) {
                    throw ReadError.invalid(SourceLocation(file: path, line: line, column: index - lineStart + 1),
                                            "a table header needs a name after '[' (a bare key or a quoted one)")
                }
                atLineStart = false
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                open.append(byte)
                expectsValue = byte == UInt8(ascii: "[")
                atLineStart = false
                index += 1
            case UInt8(ascii: "}") where expectsValue && open.last == UInt8(ascii: "["):
                throw ReadError.invalid(SourceLocation(file: path, line: line, column: index - lineStart + 1),
                                        "'}' where the array expects a value or ']'")
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if !open.isEmpty { open.removeLast() }
                expectsValue = false
                index += 1
            case UInt8(ascii: ","):
                expectsValue = open.last == UInt8(ascii: "[")
                index += 1
            default:
                atLineStart = false
                expectsValue = false
                index += 1
            }
        }
    }

    /// A bare key character, a quote, or the `]` of an empty header (which TOMLKit reports itself).
    private static func isKeyStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }
}
