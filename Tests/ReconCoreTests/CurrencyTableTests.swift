import Testing
@testable import ReconCore

/// The run's counts and the summary's totals by currency, kept in a short table instead of a
/// dictionary: the same values, whatever order the currencies come in.
@Suite struct CurrencyTableTests {
    @Test func countsAsADictionaryWould() {
        let sequence: [Currency] = [.NOK, .EUR, .NOK, .SEK, .NOK, .EUR, .JPY]
        var table = CurrencyTable<Int>()
        var expected: [Currency: Int] = [:]
        for currency in sequence {
            table.update(currency, default: 0) { $0 += 1 }
            expected[currency, default: 0] += 1
        }
        #expect(table.dictionary == expected)
        #expect(table.currencies == [.NOK, .EUR, .SEK, .JPY], "in the order they first came")
        #expect(table.values == [3, 2, 1, 1])
    }

    @Test func theDefaultIsMadeOnlyForANewCurrency() {
        var table = CurrencyTable<[String]>()
        var made = 0
        func fresh() -> [String] { made += 1; return [] }
        table.update(.EUR, default: fresh()) { $0.append("a") }
        table.update(.EUR, default: fresh()) { $0.append("b") }
        table.update(.NOK, default: fresh()) { $0.append("c") }
        #expect(made == 2)
        #expect(table.dictionary == [.EUR: ["a", "b"], .NOK: ["c"]])
    }
}
