import Testing
@testable import ReconCore

/// Currencies are looked up in a table indexed by their three letters; it must give exactly the
/// ISO 4217 list's exponents, and nothing for any other code.
@Suite struct CurrencyLookupTests {
    @Test func everyThreeLetterCodeIsFoundExactlyWhenListed() {
        let listed = Dictionary(uniqueKeysWithValues: iso4217)
        let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { $0 }
        var found = 0
        for first in letters {
            for second in letters {
                for third in letters {
                    let code = String(decoding: [first, second, third], as: UTF8.self)
                    let currency = [first, second, third].withUnsafeBufferPointer { Currency(bytes: $0) }
                    #expect(currency?.exponent == listed[code], "\(code)")
                    #expect(Currency(code: code)?.exponent == listed[code], "\(code)")
                    if let currency {
                        #expect(currency.code == code && currency.isActive)
                        found += 1
                    }
                }
            }
        }
        #expect(found == listed.count)
    }

    @Test(arguments: ["", "EU", "EURO", "eur", "EUr", "E1R", "@UR", "EU[", "[UR", "ÆØÅ", "€"])
    func otherCodesAreNotCurrencies(code: String) {
        #expect(Currency(code: code) == nil)
        #expect(Array(code.utf8).withUnsafeBufferPointer { Currency(bytes: $0) } == nil)
    }
}
