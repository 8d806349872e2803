import Testing
import ReconTestSupport
@testable import ReconCore

@Suite struct MoneyParsingTests {
    @Test(arguments: [
        ("0", Int64(0)), ("12", 1200), ("12.3", 1230), ("12.30", 1230), ("-12.30", -1230), ("0.01", 1),
        ("-0.01", -1), ("92233720368547758.07", Int64.max), ("-92233720368547758.08", Int64.min),
        ("007.50", 750),
    ])
    func parsesValidEUR(text: String, minorUnits: Int64) throws {
        #expect(try Money.parse(text, currency: .EUR).minorUnits == minorUnits)
    }

    @Test(arguments: [
        ("1,50", AmountError.Kind.unexpectedByte(UInt8(ascii: ","))),
        ("12.3.4", .unexpectedByte(UInt8(ascii: "."))),
        ("-", .noDigits),
        ("1e3", .unexpectedByte(UInt8(ascii: "e"))),
        ("1.234", .tooManyDecimals(allowed: 2)),
        (".5", .noDigits),
        ("5.", .noDigits),
        ("", .empty),
        (" 5", .unexpectedByte(0x20)),
        ("+5", .unexpectedByte(UInt8(ascii: "+"))),
        ("--5", .unexpectedByte(UInt8(ascii: "-"))),
        ("92233720368547758.08", .overflow),
        ("1000000000000000000000000000000000000000", .overflow),
        ("1 000", .unexpectedByte(0x20)),
    ])
    func rejectsMalformedEUR(text: String, kind: AmountError.Kind) {
        #expect(throws: AmountError.self) { try Money.parse(text, currency: .EUR) }
        do {
            _ = try Money.parse(text, currency: .EUR)
        } catch {
            #expect(error.kind == kind, "\(text)")
        }
    }

    @Test func exponentsFollowTheCurrency() throws {
        #expect(try Money.parse("1500", currency: .JPY).minorUnits == 1500)
        #expect(throws: AmountError.self) { try Money.parse("1500.5", currency: .JPY) }
        #expect(try Money.parse("1.250", currency: .KWD).minorUnits == 1250)
        #expect(throws: AmountError.self) { try Money.parse("1.2501", currency: .KWD) }
        let clf = try #require(Currency(code: "CLF"))
        #expect(try Money.parse("1.2345", currency: clf).minorUnits == 12345)
    }

    @Test func excessZeroDecimalsOnlyWhenAllowed() throws {
        let lenient = AmountFormat(allowsExcessZeroDecimals: true)
        #expect(try Money.parse("18.150", currency: .EUR, format: lenient).minorUnits == 1815)
        #expect(throws: AmountError.self) { try Money.parse("18.150", currency: .EUR) }
        #expect(throws: AmountError.self) { try Money.parse("100.0000000000005", currency: .EUR, format: lenient) }
    }

    @Test func decimalCommaWithGroupSeparators() throws {
        let norwegian = AmountFormat(decimalSeparator: UInt8(ascii: ","),
                                     groupSeparators: [[0x20], [0xC2, 0xA0], [UInt8(ascii: ".")]])
        #expect(try Money.parse("1 234,56", currency: .NOK, format: norwegian).minorUnits == 123_456)
        #expect(try Money.parse("1\u{A0}234\u{A0}567,5", currency: .NOK, format: norwegian).minorUnits == 123_456_750)
        #expect(try Money.parse("1.234,56", currency: .NOK, format: norwegian).minorUnits == 123_456)
        #expect(try Money.parse("234,56", currency: .NOK, format: norwegian).minorUnits == 23456)
        for bad in ["12 34,56", "1 2345,00", " 123,00", "1 234 56,00", "1,234.56"] {
            #expect(throws: AmountError.self, "\(bad)") { try Money.parse(bad, currency: .NOK, format: norwegian) }
        }
    }

    @Test func plusSignOnlyWhenAllowed() throws {
        #expect(try Money.parse("+5.00", currency: .EUR, format: AmountFormat(allowsPlusSign: true)).minorUnits == 500)
    }

    @Test func errorMessagesSayWhatIsWrong() {
        #expect(AmountError(kind: .tooManyDecimals(allowed: 2), offset: 3).description == "amount has more than 2 decimals")
        #expect(AmountError(kind: .unexpectedByte(UInt8(ascii: ",")), offset: 1).description == "unexpected ',' in amount")
        #expect(AmountError(kind: .overflow, offset: 0).description == "amount is too large")
    }
}

@Suite struct MoneyFormattingTests {
    @Test(arguments: [
        (Int64(0), "EUR", "0.00"), (5, "EUR", "0.05"), (-5, "EUR", "-0.05"), (1230, "EUR", "12.30"),
        (-123_456, "EUR", "-1234.56"), (1500, "JPY", "1500"), (0, "JPY", "0"), (-7, "JPY", "-7"),
        (1250, "KWD", "1.250"), (1, "KWD", "0.001"), (12345, "CLF", "1.2345"),
        (Int64.min, "EUR", "-92233720368547758.08"), (Int64.max, "EUR", "92233720368547758.07"),
    ])
    func formatsExactlyTheCurrencyDecimals(minorUnits: Int64, code: String, text: String) throws {
        let money = Money(minorUnits: minorUnits, currency: try #require(Currency(code: code)))
        #expect(money.formatted() == text)
        var bytes: [UInt8] = []
        money.write(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }

    @Test func formatThenParseIsTheIdentity() throws {
        for code in ["EUR", "JPY", "KWD", "CLF"] {
            let currency = try #require(Currency(code: code))
            for units: Int64 in [0, 1, -1, 99, 100, 101, -123_456_789, 987_654_321_012] {
                let money = Money(minorUnits: units, currency: currency)
                #expect(try Money.parse(money.formatted(), currency: currency) == money)
            }
        }
    }

    @Test func decimalCommaForOtherTools() {
        #expect(Money(minorUnits: -123_456, currency: .EUR).formatted(decimalSeparator: ",") == "-1234,56")
        // A separator of more than one byte is written the long way.
        #expect(Money(minorUnits: -123_456, currency: .EUR).formatted(decimalSeparator: "·") == "-1234·56")
        #expect(Money(minorUnits: 5, currency: Currency(code: "KWD")!).formatted(decimalSeparator: "·") == "0·005")
        #expect(Money(minorUnits: 1500, currency: Currency(code: "JPY")!).formatted(decimalSeparator: "·") == "1500")
    }
}

@Suite struct MoneyArithmeticTests {
    @Test func addsAndSubtractsInOneCurrency() {
        let a = Money(minorUnits: 1050, currency: .EUR), b = Money(minorUnits: 250, currency: .EUR)
        #expect((a + b).minorUnits == 1300)
        #expect((a - b).minorUnits == 800)
        #expect((-a).minorUnits == -1050)
        #expect([a, b, b].sum(startingAt: .zero(.EUR)).minorUnits == 1550)
        #expect(b < a)
    }

    @Test func multipliesByARateThroughInt128() {
        let big = Money(minorUnits: Int64.max / 2, currency: .EUR)
        let rate = Rate(partsPerMillion: 20_000)  // 2 %
        // Int64.max / 2 × 2 % must not overflow in the product.
        #expect(big.multiplied(by: rate, rounding: .halfUp).minorUnits == 92_233_720_368_547_758)
        #expect(Money(minorUnits: 10_000, currency: .EUR).multiplied(by: rate, rounding: .halfUp).minorUnits == 200)
    }

    @Test func scalesByARatio() {
        // 49.00 × 2 % / 98 % = 1.00 exactly; 485.00 → 9.8979… → 9.90.
        let rate: Int64 = 20_000
        #expect(Money(minorUnits: 4900, currency: .EUR)
            .scaled(numerator: rate, denominator: Rate.scale - rate, rounding: .halfUp).minorUnits == 100)
        #expect(Money(minorUnits: 48_500, currency: .EUR)
            .scaled(numerator: rate, denominator: Rate.scale - rate, rounding: .halfUp).minorUnits == 990)
    }
}

@Suite struct RoundingTests {
    @Test(arguments: [
        // Int64 arguments: Swift Testing 6.3 crashes on Int128 test arguments on Linux.
        (Int64(5), Int64(10), RoundingMode.halfUp, Int64(1)),
        (15, 10, .halfUp, 2), (25, 10, .halfUp, 3), (-5, 10, .halfUp, -1), (-25, 10, .halfUp, -3),
        (5, 10, .halfEven, 0), (15, 10, .halfEven, 2), (25, 10, .halfEven, 2), (35, 10, .halfEven, 4),
        (-5, 10, .halfEven, 0), (-15, 10, .halfEven, -2), (-25, 10, .halfEven, -2),
        (14, 10, .halfUp, 1), (16, 10, .halfUp, 2), (-14, 10, .halfUp, -1), (-16, 10, .halfUp, -2),
        (19, 10, .towardZero, 1), (-19, 10, .towardZero, -1),
        (7, -2, .halfUp, -4), (7, -2, .halfEven, -4), (5, -2, .halfEven, -2),
        (1, 3, .halfUp, 0), (2, 3, .halfUp, 1), (30, 10, .halfEven, 3),
    ])
    func roundsHalvesByMode(numerator: Int64, denominator: Int64, mode: RoundingMode, expected: Int64) {
        #expect(Rounding.divide(Int128(numerator), by: Int128(denominator), mode: mode) == Int128(expected))
    }
}

@Suite struct CurrencyTests {
    @Test(arguments: [("EUR", 2), ("NOK", 2), ("JPY", 0), ("KWD", 3), ("BHD", 3), ("CLF", 4), ("ISK", 0),
                      ("UGX", 0), ("XCG", 2), ("ZWG", 2), ("XXX", 2)])
    func knowsExponents(code: String, exponent: Int) throws {
        #expect(try #require(Currency(code: code)).exponent == exponent)
    }

    @Test func refusesUnknownAndMalformedCodes() {
        for code in ["", "EU", "EURO", "eur", "ABC", "HRK", "ZWL", "1EU"] {
            #expect(Currency(code: code) == nil, "\(code)")
        }
    }

    @Test func codeRoundTripsThroughThePackedForm() {
        for code in Currency.allCodes {
            #expect(Currency(code: code)?.code == code)
        }
        #expect(Currency.allCodes.count > 150)
    }

    /// Code and exponent share four bytes, so that an amount takes 16 (a million-entry run holds
    /// several million amounts).
    @Test func currencyAndMoneyStayCompact() throws {
        #expect(MemoryLayout<Currency>.size == 4)
        #expect(MemoryLayout<Money>.stride == 16)
        let old = try #require(Currency(statementCode: "ITL"))
        #expect(old.exponent == 0 && old.code == "ITL" && !old.isActive)
        for code in Currency.allCodes {
            let currency = try #require(Currency(code: code))
            #expect(Currency(code: currency.code) == currency && currency.exponent <= 4)
        }
    }
}

/// The one-pass reading of plain amounts (`-?D+(.D+)?`) against the full grammar: the same value
/// or, where it steps aside, the same error, for every format and exponent.
@Suite struct PlainAmountTests {
    private static let formats = [
        AmountFormat.strict,
        AmountFormat(decimalSeparator: UInt8(ascii: ","), groupSeparators: [[0x20], [0xC2, 0xA0], [UInt8(ascii: ".")]],
                     allowsPlusSign: true, allowsExcessZeroDecimals: true),
        AmountFormat(groupSeparators: [[UInt8(ascii: "'")], [UInt8(ascii: ",")]], allowsPlusSign: true),
    ]

    private func bothWays(_ text: [UInt8], exponent: Int, format: AmountFormat)
        -> (Result<Int64, AmountError>, Result<Int64, AmountError>) {
        text.withUnsafeBufferPointer { bytes in
            (Result { () throws(AmountError) in try Money.parseMinorUnits(bytes, exponent: exponent, format: format) },
             Result { () throws(AmountError) in try Money.parseMinorUnitsInFull(bytes, exponent: exponent, format: format) })
        }
    }

    @Test func randomTextsReadAsByTheFullGrammar() {
        let pieces: [[UInt8]] = ["0", "1", "5", "9", "-", "+", ".", ",", " ", "'", "\u{A0}", "e", "00", "123"]
            .map { Array($0.utf8) }
        var random = SplitMix64(seed: 20261207)
        var plain = 0
        for _ in 0..<60_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
            let exponent = Int.random(in: 0...4, using: &random)
            for format in Self.formats {
                let (fast, full) = bothWays(text, exponent: exponent, format: format)
                #expect(fast == full, "\(String(decoding: text, as: UTF8.self).debugDescription) exponent \(exponent)")
                if case .success = full { plain += 1 }
            }
        }
        #expect(plain > 10_000)  // many random texts are amounts, not only errors
    }

    /// Around the 18 digits the fast path takes, and Int64's ends, which only the full one reaches.
    @Test func longAmountsReadAsByTheFullGrammar() {
        var random = SplitMix64(seed: 7)
        for integerDigits in 1...21 {
            for fractionDigits in 0...4 {
                for exponent in [0, 2, 3, 4] {
                    for _ in 0..<20 {
                        var text = Array("-".utf8.prefix(Int.random(in: 0...1, using: &random)))
                        text += (0..<integerDigits).map { _ in UInt8.random(in: 0x30...0x39, using: &random) }
                        if fractionDigits > 0 {
                            text += Array(".".utf8) + (0..<fractionDigits).map { _ in UInt8.random(in: 0x30...0x39, using: &random) }
                        }
                        let (fast, full) = bothWays(text, exponent: exponent, format: .strict)
                        #expect(fast == full, "\(String(decoding: text, as: UTF8.self)) exponent \(exponent)")
                    }
                }
            }
        }
        for text in ["9223372036854775807", "-9223372036854775808", "999999999999999999", "99999999999999999.9",
                     "92233720368547758.07", "-92233720368547758.08", "-0", "-0.00", "0000000000000000000001"] {
            let (fast, full) = bothWays(Array(text.utf8), exponent: 2, format: .strict)
            #expect(fast == full, "\(text)")
        }
    }
}
