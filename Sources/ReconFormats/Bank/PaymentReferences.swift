#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Helpers for the identifiers payments carry: IBANs, ISO 11649 creditor references (`RF…`).
public enum PaymentReferences {
    /// `NOTPROVIDED` and `NONREF` are what banks write when there is no reference.
    public static func meaningful(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.collapsingWhitespace()
        // The byte count first: `==` on strings of different lengths still cost ~70 instructions
        // a comparison (equal small strings compare as two words). No string Unicode takes for
        // these two has another length. (`utf8.elementsEqual` was ~860 instructions.)
        switch trimmed.utf8.count {
        case 0: return nil
        case 11 where trimmed == "NOTPROVIDED": return nil
        case 6 where trimmed == "NONREF": return nil
        default: return trimmed
        }
    }

    /// Whether a field's bytes are one of those placeholders exactly, as `meaningful` tells them
    /// (a reader can skip making the text of a field it would drop).
    static func isPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        switch bytes.count {
        case 11: return memcmp(base, notProvided, 11) == 0
        case 6: return memcmp(base, noReference, 6) == 0
        default: return false
        }
    }

    private static let notProvided = Array("NOTPROVIDED".utf8)
    private static let noReference = Array("NONREF".utf8)

    /// Whether `text` has the shape of an IBAN: two letters, two digits, 11–30 letters or digits
    /// (spaces ignored). The check digits are not verified: anonymised files carry invalid ones.
    public static func isIBANShaped(_ text: String) -> Bool {
        let compact = Array(text.utf8.filter { $0 != 0x20 })
        guard compact.count >= 15, compact.count <= 34 else { return false }
        func letter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func digit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        return letter(compact[0]) && letter(compact[1]) && digit(compact[2]) && digit(compact[3])
            && compact[4...].allSatisfy { letter($0) || digit($0) }
    }

    /// The ISO 13616 mod-97 remainder of an IBAN-like string (letters A=10 … Z=35), or nil.
    static func mod97(_ characters: some Sequence<UInt8>) -> Int? {
        var remainder = 0
        for byte in characters {
            switch byte {
            case 0x30...0x39: remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            case 0x41...0x5A: remainder = (remainder * 100 + Int(byte - 0x41 + 10)) % 97
            default: return nil
            }
        }
        return remainder
    }

    /// The IBAN of a domestic account number, for countries whose BBAN is all digits of a fixed
    /// length (`NO`: 11). nil when `account` does not have that shape.

    /// The IBAN of a national account number (`1503.61.23450` → `NO2415036123450`), or nil when the
    /// text is not one of that country's.
    public static func iban(country: String, bban account: String) -> String? {
        NationalAccounts(country: country)?.iban(account)
    }

    /// An ISO 11649 creditor reference (`RF` + 2 check digits + up to 21 letters or digits) whose
    /// check digits are right, at the start of `text`; nil otherwise.
    public static func creditorReference(atStartOf text: String) -> String? {
        let upper = Array(text.utf8.prefix(40))
        guard upper.count >= 5, upper[0] == 0x52, upper[1] == 0x46 else { return nil }
        var end = 2
        while end < upper.count, end < 25, (upper[end] >= 0x30 && upper[end] <= 0x39) || (upper[end] >= 0x41 && upper[end] <= 0x5A) {
            end += 1
        }
        if end < upper.count, upper[end] != 0x20 { return nil }
        let reference = Array(upper[0..<end])
        guard reference.count >= 5, reference[2...3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard mod97(reference[4...] + reference[0..<4]) == 1 else { return nil }
        return String(decoding: reference, as: UTF8.self)
    }
}
