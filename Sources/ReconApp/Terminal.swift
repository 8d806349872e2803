#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the terminal without Foundation: stderr for messages, stdout for results.
public enum Terminal {
    public static func error(_ line: String) { write(2, line + "\n") }
    /// Text on stderr as it is (a progress line redrawn with `\r`).
    public static func errorText(_ text: String) { write(2, text) }
    public static func output(_ text: String) { write(1, text) }

    /// Whether stderr is a terminal (progress lines only go there).
    public static var stderrIsTerminal: Bool { isatty(2) == 1 }

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
