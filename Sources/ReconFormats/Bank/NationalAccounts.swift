/// Turns a country's national account numbers (BBAN) into IBANs: `1503.61.23450` → `NO2415036123450`.
/// Resolved once per profile; `iban(_:)` allocates nothing but the result.
public struct NationalAccounts: Sendable {
    let first: UInt8, second: UInt8
    let length: Int

    /// nil for a country whose BBAN recon does not know.
    public init?(country: String) {
        let letters = Array(country.utf8)
        guard letters.count == 2, letters.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        switch country {
        case "NO": length = 11
        case "DK", "FI": length = 14
        case "BE": length = 12
        default: return nil
        }
        first = letters[0]
        second = letters[1]
    }

    /// The IBAN, or nil when `account` is not `length` digits (dots, spaces and dashes aside).
    public func iban(_ account: String) -> String? {
        account.withUTF8Bytes { iban(bytes: $0) }
    }

    /// `iban(_:)` of an account number's UTF-8, read where it is (a CSV field: no string first).
    public func iban(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // The IBAN is written as the digits are read (its check digits last); a BBAN has 14
        // digits at most, so the number fits, and is divided once (not per digit).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 + length) { out -> String? in
            var digits = 0
            var number: UInt64 = 0
            for byte in bytes {
                switch byte {
                case 0x30...0x39:
                    // At most 14 digits, checked first: the arithmetic cannot overflow.
                    guard digits < length else { return nil }
                    out[4 &+ digits] = byte
                    digits &+= 1
                    number = number &* 10 &+ UInt64(byte &- 0x30)
                case UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "-"): continue
                default: return nil
                }
            }
            guard digits == length else { return nil }
            // mod 97 of BBAN + country letters (A = 10 …) + "00".
            var remainder = Int(number % 97)
            remainder = (remainder * 100 + Int(first &- 0x37)) % 97
            remainder = (remainder * 100 + Int(second &- 0x37)) % 97
            let check = 98 - remainder * 100 % 97
            out[0] = first
            out[1] = second
            out[2] = 0x30 + UInt8(check / 10)
            out[3] = 0x30 + UInt8(check % 10)
            let written = UnsafeBufferPointer(out)
            return String(validUTF8: written)
        }
    }
}
