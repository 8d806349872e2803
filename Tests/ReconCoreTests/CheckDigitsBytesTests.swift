import Testing
@testable import ReconCore

/// The check-digit algorithms read the compacted reference in place. These tests hold them to the
/// implementations they replaced (kept here, word for word but for names), on random references of
/// the bytes that matter: digits, letters of both cases, spaces, the Belgian markers, `-`, `RF`
/// prefixes and a scalar beyond ASCII.
@Suite struct CheckDigitsBytesTests {
    enum Replaced {
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

        static func digits(_ bytes: some Collection<UInt8>) -> [Int]? {
            guard !bytes.isEmpty, bytes.allSatisfy(isDigit) else { return nil }
            return bytes.map { Int($0 - 0x30) }
        }

        static func luhn(_ text: String) -> Bool { compact(text).map(luhn) ?? false }

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

        static func mod11(_ text: String) -> Bool { compact(text).map(mod11) ?? false }

        static func mod11(_ bytes: [UInt8]) -> Bool {
            guard bytes.count >= 2, let last = bytes.last, let payload = digits(bytes.dropLast()) else { return false }
            var sum = 0
            for (position, digit) in payload.reversed().enumerated() { sum += digit * (2 + position % 6) }
            let check = (11 - sum % 11) % 11
            if last == UInt8(ascii: "-") { return check == 10 }
            return isDigit(last) && check == Int(last - 0x30)
        }

        static func finnish(_ text: String) -> Bool { compact(text).map(finnish) ?? false }

        static func finnish(_ bytes: [UInt8]) -> Bool {
            guard (4...20).contains(bytes.count), let digits = digits(bytes) else { return false }
            let weights = [7, 3, 1]
            var sum = 0
            for (position, digit) in digits.dropLast().reversed().enumerated() { sum += digit * weights[position % 3] }
            return (10 - sum % 10) % 10 == digits.last!
        }

        static func rf(_ text: String) -> Bool { compact(text).map(rf) ?? false }

        static func rf(_ bytes: [UInt8]) -> Bool {
            guard bytes.count >= 5, bytes.count <= 25, bytes[0] == UInt8(ascii: "R"), bytes[1] == UInt8(ascii: "F"),
                  bytes.allSatisfy({ isDigit($0) || isLetter($0) }) else { return false }
            return mod97(bytes[4...] + bytes[..<4]) == 1
        }

        static func belgian(_ text: String) -> Bool { compact(text).map(belgian) ?? false }

        static func belgian(_ bytes: [UInt8]) -> Bool {
            guard let digits = belgianDigits(bytes) else { return false }
            let body = digits.prefix(10).reduce(0) { $0 * 10 + $1 }
            let check = digits.suffix(2).reduce(0) { $0 * 10 + $1 }
            let remainder = body % 97
            return check == (remainder == 0 ? 97 : remainder)
        }

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

        static func swissQR(_ text: String) -> Bool { compact(text).map(swissQR) ?? false }

        static func swissQR(_ bytes: [UInt8]) -> Bool {
            guard [16, 26, 27].contains(bytes.count), let digits = digits(bytes) else { return false }
            let table = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]
            var carry = 0
            for digit in digits.dropLast() { carry = table[(carry + digit) % 10] }
            return (10 - carry) % 10 == digits.last!
        }

        static func iban(_ text: String) -> Bool {
            guard let bytes = compact(text), (15...34).contains(bytes.count), isLetter(bytes[0]), isLetter(bytes[1]),
                  bytes.allSatisfy({ isDigit($0) || isLetter($0) }) else { return false }
            return mod97(bytes[4...] + bytes[..<4]) == 1
        }

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

        static func classify(_ text: String) -> ReferenceCheck {
            guard let bytes = compact(text) else { return ReferenceCheck(kind: .plain, isValid: nil) }
            if bytes.count > 4 && bytes[0] == UInt8(ascii: "R") && bytes[1] == UInt8(ascii: "F")
                && Replaced.isDigit(bytes[2]) && Replaced.isDigit(bytes[3]) {
                return ReferenceCheck(kind: .rf, isValid: Replaced.rf(bytes))
            }
            if bytes.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "/") }),
               Replaced.belgianDigits(bytes) != nil {
                return ReferenceCheck(kind: .belgian, isValid: Replaced.belgian(bytes))
            }
            let body = bytes.last == UInt8(ascii: "-") ? bytes.dropLast() : bytes[...]
            guard bytes.count >= 2, !body.isEmpty, body.allSatisfy(Replaced.isDigit) else {
                return ReferenceCheck(kind: .plain, isValid: nil)
            }
            if bytes.count == 27 { return ReferenceCheck(kind: .swissQR, isValid: Replaced.swissQR(bytes)) }
            if Replaced.luhn(bytes) || Replaced.mod11(bytes) { return ReferenceCheck(kind: .kid, isValid: true) }
            if Replaced.finnish(bytes) { return ReferenceCheck(kind: .finnish, isValid: true) }
            return ReferenceCheck(kind: .kid, isValid: false)
        }
    }

    static let pieces = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "12", "345", "0000", " ", "-", "+++", "***",
                         "/", "RF", "rf", "RF18", "a", "Z", "x", "Ø", "+", "*"]

    static func randomReference(using generator: inout some RandomNumberGenerator) -> String {
        let count = Int.random(in: 0...14, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func referencesClassifyAsBefore() {
        var generator = SystemRandomNumberGenerator()
        var valid = 0
        for _ in 0..<40_000 {
            let text = Self.randomReference(using: &generator)
            let check = ReferenceCheck.classify(text)
            #expect(check == Replaced.classify(text), "\(text.debugDescription)")
            if check.isValid == true { valid += 1 }
        }
        #expect(valid > 200, "the random references should hold their check digit often enough to test that path")
        for text in ["", "RF", "RF18", "RF18539007547034", "+++090/9337/55493+++", "***090/9337/55493***",
                     "210000000003139471430009017", "100008-", "-", "1-", "12", "1232", "Ø123"] {
            #expect(ReferenceCheck.classify(text) == Replaced.classify(text), "\(text.debugDescription)")
        }
    }

    @Test func algorithmsAnswerAsBefore() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = Self.randomReference(using: &generator)
            #expect(CheckDigits.luhn(text) == Replaced.luhn(text), "\(text.debugDescription)")
            #expect(CheckDigits.mod11(text) == Replaced.mod11(text), "\(text.debugDescription)")
            #expect(CheckDigits.finnish(text) == Replaced.finnish(text), "\(text.debugDescription)")
            #expect(CheckDigits.rf(text) == Replaced.rf(text), "\(text.debugDescription)")
            #expect(CheckDigits.belgian(text) == Replaced.belgian(text), "\(text.debugDescription)")
            #expect(CheckDigits.swissQR(text) == Replaced.swissQR(text), "\(text.debugDescription)")
            let iban = "NO" + text
            #expect(CheckDigits.iban(iban) == Replaced.iban(iban), "\(iban.debugDescription)")
        }
        for iban in ["NO93 8601 1117 947", "NO93 8601 1117 948", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32"] {
            #expect(CheckDigits.iban(iban) == Replaced.iban(iban), "\(iban)")
        }
    }
}
