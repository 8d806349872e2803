/// Check-digit algorithms of payment references. Each takes the reference as written (spaces
/// allowed where banks print them) and says whether its check digit is right. They work on ASCII
/// bytes: a reference with anything else in it has no valid check digit.
public enum CheckDigits {
    /// The reference's bytes without spaces, letters upper-cased; nil when not ASCII.
    static func compact(_ text: String) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte == 0x20 { continue }
            result.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
        }
        return result
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// The digits' values, or nil when anything but digits appears (or nothing does).
    static func digits(_ bytes: some Collection<UInt8>) -> [Int]? {
        guard !bytes.isEmpty, bytes.allSatisfy(isDigit) else { return nil }
        return bytes.map { Int($0 - 0x30) }
    }

    /// Luhn (MOD10): Norwegian KID, Swedish OCR.
    public static func luhn(_ text: String) -> Bool { compact(text).map(luhn) ?? false }

    static func luhn(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2, let digits = digits(bytes) else { return false }
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            var value = digit
            if position % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// MOD11 with weights 2, 3, 4, 5, 6, 7 from the right (Norwegian KID). A remainder that would give
    /// check digit 10 is written `-`.
    public static func mod11(_ text: String) -> Bool { compact(text).map(mod11) ?? false }

    static func mod11(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2, let last = bytes.last, let payload = digits(bytes.dropLast()) else { return false }
        var sum = 0
        for (position, digit) in payload.reversed().enumerated() { sum += digit * (2 + position % 6) }
        let check = (11 - sum % 11) % 11
        if last == UInt8(ascii: "-") { return check == 10 }
        return isDigit(last) && check == Int(last - 0x30)
    }

    /// Finnish national reference: weights 7, 3, 1 from the right, check digit last.
    public static func finnish(_ text: String) -> Bool { compact(text).map(finnish) ?? false }

    static func finnish(_ bytes: [UInt8]) -> Bool {
        guard (4...20).contains(bytes.count), let digits = digits(bytes) else { return false }
        let weights = [7, 3, 1]
        var sum = 0
        for (position, digit) in digits.dropLast().reversed().enumerated() { sum += digit * weights[position % 3] }
        return (10 - sum % 10) % 10 == digits.last!
    }

    /// ISO 11649 creditor reference `RFkk…`: mod 97 of the rearranged reference is 1.
    public static func rf(_ text: String) -> Bool { compact(text).map(rf) ?? false }

    static func rf(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 5, bytes.count <= 25, bytes[0] == UInt8(ascii: "R"), bytes[1] == UInt8(ascii: "F"),
              bytes.allSatisfy({ isDigit($0) || isLetter($0) }) else { return false }
        return mod97(bytes[4...] + bytes[..<4]) == 1
    }

    /// Belgian structured communication `+++123/4567/89012+++`: the first ten digits mod 97 are the
    /// last two (97 when the remainder is 0).
    public static func belgian(_ text: String) -> Bool { compact(text).map(belgian) ?? false }

    static func belgian(_ bytes: [UInt8]) -> Bool {
        guard let digits = belgianDigits(bytes) else { return false }
        let body = digits.prefix(10).reduce(0) { $0 * 10 + $1 }
        let check = digits.suffix(2).reduce(0) { $0 * 10 + $1 }
        let remainder = body % 97
        return check == (remainder == 0 ? 97 : remainder)
    }

    /// The twelve digits of a Belgian structured communication (`+++…+++` or `***…***`), or nil.
    static func belgianDigits(_ bytes: [UInt8]) -> [Int]? {
        var inner = bytes[...]
        for marker in [UInt8(ascii: "+"), UInt8(ascii: "*")]
        where inner.count > 6 && inner.prefix(3).allSatisfy({ $0 == marker }) && inner.suffix(3).allSatisfy({ $0 == marker }) {
            inner = inner.dropFirst(3).dropLast(3)
        }
        let digitBytes = inner.filter { $0 != UInt8(ascii: "/") }
        guard digitBytes.count == 12 else { return nil }
        return digits(digitBytes)
    }

    /// Swiss QR reference (27 digits) and ESR: recursive mod 10.
    public static func swissQR(_ text: String) -> Bool { compact(text).map(swissQR) ?? false }

    static func swissQR(_ bytes: [UInt8]) -> Bool {
        guard [16, 26, 27].contains(bytes.count), let digits = digits(bytes) else { return false }
        let table = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]
        var carry = 0
        for digit in digits.dropLast() { carry = table[(carry + digit) % 10] }
        return (10 - carry) % 10 == digits.last!
    }

    /// ISO 13616 IBAN check: mod 97 of the rearranged IBAN is 1.
    public static func iban(_ text: String) -> Bool {
        guard let bytes = compact(text), (15...34).contains(bytes.count), isLetter(bytes[0]), isLetter(bytes[1]),
              bytes.allSatisfy({ isDigit($0) || isLetter($0) }) else { return false }
        return mod97(bytes[4...] + bytes[..<4]) == 1
    }

    /// Letters count as 10 (A) … 35 (Z).
    static func mod97(_ bytes: some Sequence<UInt8>) -> Int {
        var remainder = 0
        for byte in bytes {
            if isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - 0x37)) % 97
            }
        }
        return remainder
    }
}

/// What kind of reference a payment carries, and whether its check digit holds.
public struct ReferenceCheck: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case rf = "RF"
        case kid = "KID"
        case finnish = "FI"
        case belgian = "BE"
        case swissQR = "QRR"
        case plain
    }

    public var kind: Kind
    /// nil when the kind has no check digit (`plain`).
    public var isValid: Bool?

    /// `RF-valid`, `KID-invalid`, `plain`.
    public var description: String {
        guard let isValid else { return kind.rawValue }
        return kind.rawValue + (isValid ? "-valid" : "-invalid")
    }

    /// Classifies a structured reference as written. Numeric references are checked against every
    /// numeric scheme: the first that holds names the kind; none holding makes it an invalid KID
    /// (the common scheme here) — that is, a reference recon must not trust.
    public static func classify(_ text: String) -> ReferenceCheck {
        guard let bytes = CheckDigits.compact(text) else { return ReferenceCheck(kind: .plain, isValid: nil) }
        if bytes.count > 4 && bytes[0] == UInt8(ascii: "R") && bytes[1] == UInt8(ascii: "F")
            && CheckDigits.isDigit(bytes[2]) && CheckDigits.isDigit(bytes[3]) {
            return ReferenceCheck(kind: .rf, isValid: CheckDigits.rf(bytes))
        }
        if bytes.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "/") }),
           CheckDigits.belgianDigits(bytes) != nil {
            return ReferenceCheck(kind: .belgian, isValid: CheckDigits.belgian(bytes))
        }
        let body = bytes.last == UInt8(ascii: "-") ? bytes.dropLast() : bytes[...]
        guard bytes.count >= 2, !body.isEmpty, body.allSatisfy(CheckDigits.isDigit) else {
            return ReferenceCheck(kind: .plain, isValid: nil)
        }
        if bytes.count == 27 { return ReferenceCheck(kind: .swissQR, isValid: CheckDigits.swissQR(bytes)) }
        if CheckDigits.luhn(bytes) || CheckDigits.mod11(bytes) { return ReferenceCheck(kind: .kid, isValid: true) }
        if CheckDigits.finnish(bytes) { return ReferenceCheck(kind: .finnish, isValid: true) }
        return ReferenceCheck(kind: .kid, isValid: false)
    }
}
