/// Currencies withdrawn from ISO 4217 (list three) that old bank statements still carry, e.g.
/// a German MT940 from 2001 in `DEM`. Only readers of bank files accept them; open items and
/// configuration stay on the active list.
let withdrawnISO4217: [(String, Int)] = [
    ("ATS", 2), ("BEF", 0), ("CYP", 2), ("DEM", 2), ("EEK", 2), ("ESP", 0), ("FIM", 2), ("FRF", 2),
    ("GRD", 0), ("HRK", 2), ("IEP", 2), ("ITL", 0), ("LTL", 2), ("LUF", 0), ("LVL", 2), ("MTL", 2),
    ("NLG", 2), ("PTE", 0), ("SIT", 2), ("SKK", 2),
]

public extension Currency {
    /// An active code, or one of the withdrawn European codes that old bank statements carry.
    init?(statementCode code: String) {
        if let active = Currency(code: code) {
            self = active
            return
        }
        guard let packed = Currency.pack(code),
              let exponent = withdrawnISO4217.first(where: { $0.0 == code })?.1 else { return nil }
        self.init(packedCode: packed, exponent: exponent)
    }

    /// Whether the code is on ISO 4217's active list.
    var isActive: Bool { Currency.exponent(ofPacked: packedCode) != nil }
}
