/// The character encodings bank files come in. Everything inside recon is UTF-8; the single-byte
/// code pages are transcoded on the way in (`TranscodingByteSource`).
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// UTF-8 that starts with a byte order mark (the mark is skipped; a file without it is fine too).
    case utf8BOM = "utf-8-bom"
    case iso88591 = "iso-8859-1"
    case windows1252 = "windows-1252"
    case windows1250 = "windows-1250"
    case cp852

    /// The code points of bytes 0x80–0xFF, or nil for UTF-8.
    var highTable: [UInt16]? {
        switch self {
        case .utf8, .utf8BOM: return nil
        case .iso88591: return (0x80...0xFF).map { UInt16($0) }
        case .windows1252: return CodePageTables.windows1252
        case .windows1250: return CodePageTables.windows1250
        case .cp852: return CodePageTables.cp852
        }
    }

    public var isUTF8: Bool { self == .utf8 || self == .utf8BOM }

    /// What the first bytes of a file say about its encoding when a profile declares `declared`:
    /// a UTF-8 byte order mark, or non-ASCII bytes that are all valid UTF-8, mean UTF-8 whatever
    /// was declared (banks change their exports); otherwise the declared encoding.
    /// A file declared UTF-8 whose first bytes are not is read as Windows-1252 (the caller warns).
    public static func effective(declared: TextEncoding, head: some Collection<UInt8>) -> TextEncoding {
        if declared.isUTF8 { return UTF8Validation.isValidPrefix(head) ? declared : .windows1252 }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        guard head.contains(where: { $0 >= 0x80 }) else { return declared }
        return UTF8Validation.isValidPrefix(head) ? .utf8 : declared
    }

    /// `bytes` decoded to a String (UTF-8 is validated; nil when invalid).
    public func decode(_ bytes: some Collection<UInt8>) -> String? {
        guard let table = highTable else { return String(validating: Array(bytes), as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : UInt32(table[Int(byte) - 0x80])
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}

enum UTF8Validation {
    /// Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates or code points past
    /// U+10FFFF), with a fast path for ASCII sixteen and eight bytes at a time.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index < count {
            // ASCII sixteen bytes at a time (two words in one test), then eight.
            if index + 16 <= count {
                let words = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                if words & 0x8080_8080_8080_8080 == 0 {
                    index += 16
                    continue
                }
            }
            if index + 8 <= count {
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    continue
                }
                // Straight to the first byte that is not ASCII (one at a time, the ASCII bytes
                // before each `ø` of a Norwegian name cost ~10 instructions each).
                index += high.trailingZeroBitCount / 8
            } else if count >= 8 {
                // Fewer than eight bytes left: the last eight, overlapping bytes already checked
                // (one at a time, the end of every line cost up to ~70 instructions). All ASCII,
                // the rest is valid; else the bytes go one at a time from here as before.
                let last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                if last & 0x8080_8080_8080_8080 == 0 { return true }
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                index + offset < count && base[index + offset] >= low && base[index + offset] <= high
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                index += 2
            case 0xE0:
                guard continuation(1, 0xA0), continuation(2) else { return false }
                index += 3
            case 0xED:
                guard continuation(1, 0x80, 0x9F), continuation(2) else { return false }
                index += 3
            case 0xE1...0xEF:
                guard continuation(1), continuation(2) else { return false }
                index += 3
            case 0xF0:
                guard continuation(1, 0x90), continuation(2), continuation(3) else { return false }
                index += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                index += 4
            case 0xF4:
                guard continuation(1, 0x80, 0x8F), continuation(2), continuation(3) else { return false }
                index += 4
            default:
                return false
            }
        }
        return true
    }

    /// Whether `bytes` is valid UTF-8, allowing a sequence cut off at the very end (a file head).
    static func isValidPrefix(_ bytes: some Collection<UInt8>) -> Bool {
        if let valid = bytes.withContiguousStorageIfAvailable({ isValidPrefix(buffer: $0) }) { return valid }
        return Array(bytes).withUnsafeBufferPointer { isValidPrefix(buffer: $0) }
    }

    /// `isValidPrefix` over contiguous bytes, ASCII eight bytes at a time (detection asks it of the
    /// 64 KiB head once for every built-in profile).
    private static func isValidPrefix(buffer array: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < array.count {
            if index + 8 <= array.count,
               UnsafeRawPointer(array.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = array[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            if index + length > array.count {
                // A sequence cut by the end of the head: fine if what is there is continuation bytes.
                return array[(index + 1)...].allSatisfy { $0 & 0xC0 == 0x80 }
            }
            for offset in 1..<length where array[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
