#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the terminal without Foundation: stderr for messages, stdout for results.
public enum Terminal {
    /// A message on stderr, one line: control characters from the input (a NUL, an escape
    /// sequence, a line break that would forge a second message) are shown as `\u{1B}`.
    public static func error(_ line: String) { write(2, printable(line) + "\n") }
    /// Text on stderr as it is (a progress line redrawn with `\r`).
    public static func errorText(_ text: String) { write(2, text) }
    public static func output(_ text: String) { write(1, text) }

    /// Whether stderr is a terminal (progress lines only go there).
    public static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// `text` with C0 and C1 control characters and DEL written as `\u{XX}`.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    #if canImport(Glibc)
    private static let systemWrite = Glibc.write
    #else
    private static let systemWrite = Darwin.write
    #endif
}
