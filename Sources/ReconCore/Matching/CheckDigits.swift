/// Check-digit algorithms of payment references. Each takes the reference as written (spaces
/// allowed where banks print them) and says whether its check digit is right.
public enum CheckDigits {
    /// Digits only, or nil when anything but digits and spaces appears.
    static func digits(_ text: String) -> [Int]? {
        var result: [Int] = []
        for scalar in text.unicodeScalars where scalar != " " {
            guard let value = scalar.properties.numericType == .decimal ? Int(String(scalar)) : nil,
                  scalar.isASCII else { return nil }
            result.append(value)
        }
        return result.isEmpty ? nil : result
    }

    /// Luhn (MOD10): Norwegian KID, Swedish OCR.
    public static func luhn(_ text: String) -> Bool {
        guard let digits = digits(text), digits.count >= 2 else { return false }
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
    public static func mod11(_ text: String) -> Bool {
        let compact = text.filter { $0 != " " }
        guard compact.count >= 2, let last = compact.last else { return false }
        guard let payload = digits(String(compact.dropLast())) else { return false }
        var sum = 0
        for (position, digit) in payload.reversed().enumerated() { sum += digit * (2 + position % 6) }
        let check = (11 - sum % 11) % 11
        switch last {
        case "-": return check == 10
        case "0"..."9": return check == Int(String(last))!
        default: return false
        }
    }

    /// Finnish national reference: weights 7, 3, 1 from the right, check digit last.
    public static func finnish(_ text: String) -> Bool {
        guard let digits = digits(text), (4...20).contains(digits.count) else { return false }
        let weights = [7, 3, 1]
        var sum = 0
        for (position, digit) in digits.dropLast().reversed().enumerated() { sum += digit * weights[position % 3] }
        return (10 - sum % 10) % 10 == digits.last!
    }

    /// ISO 11649 creditor reference `RFkk…`: mod 97 of the rearranged reference is 1.
    public static func rf(_ text: String) -> Bool {
        let compact = text.uppercased().filter { $0 != " " }
        guard compact.hasPrefix("RF"), (5...25).contains(compact.count),
              compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        return mod97(rearranged) == 1
    }

    /// Belgian structured communication `+++123/4567/89012+++`: the first ten digits mod 97 are the
    /// last two (97 when the remainder is 0).
    public static func belgian(_ text: String) -> Bool {
        guard let digits = belgianDigits(text) else { return false }
        let body = digits.prefix(10).reduce(0) { $0 * 10 + $1 }
        let check = digits.suffix(2).reduce(0) { $0 * 10 + $1 }
        let remainder = body % 97
        return check == (remainder == 0 ? 97 : remainder)
    }

    /// The twelve digits of a Belgian structured communication (`+++…+++` or `***…***`), or nil.
    static func belgianDigits(_ text: String) -> [Int]? {
        var inner = Substring(text.filter { $0 != " " })
        for marker in ["+++", "***"] where inner.hasPrefix(marker) && inner.hasSuffix(marker) && inner.count > 6 {
            inner = inner.dropFirst(3).dropLast(3)
        }
        let digits = inner.filter { $0 != "/" }
        guard digits.count == 12, let values = CheckDigits.digits(String(digits)) else { return nil }
        return values
    }

    /// Swiss QR reference (27 digits) and ESR: recursive mod 10.
    public static func swissQR(_ text: String) -> Bool {
        guard let digits = digits(text), digits.count == 27 || digits.count == 16 || digits.count == 26 else { return false }
        let table = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]
        var carry = 0
        for digit in digits.dropLast() { carry = table[(carry + digit) % 10] }
        return (10 - carry) % 10 == digits.last!
    }

    /// ISO 13616 IBAN check: mod 97 of the rearranged IBAN is 1.
    public static func iban(_ text: String) -> Bool {
        let compact = text.uppercased().filter { $0 != " " }
        guard (15...34).contains(compact.count), compact.prefix(2).allSatisfy(\.isLetter),
              compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        return mod97(compact.dropFirst(4) + compact.prefix(4)) == 1
    }

    /// Letters count as 10 (A) … 35 (Z).
    static func mod97(_ text: some StringProtocol) -> Int {
        var remainder = 0
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            if character.isNumber {
                remainder = (remainder * 10 + Int(scalar.value - 48)) % 97
            } else {
                remainder = (remainder * 100 + Int(scalar.value - 55)) % 97
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
        let compact = text.uppercased().filter { $0 != " " }
        if compact.hasPrefix("RF") && compact.count > 4 && compact.dropFirst(2).prefix(2).allSatisfy(\.isNumber) {
            return ReferenceCheck(kind: .rf, isValid: CheckDigits.rf(compact))
        }
        if CheckDigits.belgianDigits(compact) != nil && (compact.contains("+") || compact.contains("*") || compact.contains("/")) {
            return ReferenceCheck(kind: .belgian, isValid: CheckDigits.belgian(compact))
        }
        let isNumeric = !compact.isEmpty && compact.allSatisfy { $0.isASCII && $0.isNumber }
        let isKIDShape = isNumeric || (compact.dropLast().allSatisfy { $0.isASCII && $0.isNumber } && compact.last == "-")
        guard isKIDShape, compact.count >= 2 else { return ReferenceCheck(kind: .plain, isValid: nil) }
        if compact.count == 27 { return ReferenceCheck(kind: .swissQR, isValid: CheckDigits.swissQR(compact)) }
        if CheckDigits.luhn(compact) || CheckDigits.mod11(compact) { return ReferenceCheck(kind: .kid, isValid: true) }
        if CheckDigits.finnish(compact) { return ReferenceCheck(kind: .finnish, isValid: true) }
        return ReferenceCheck(kind: .kid, isValid: false)
    }
}
