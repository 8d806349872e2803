import Testing
@testable import ReconFormats

/// National account numbers made into IBANs, checked against the examples the countries publish
/// (the IBAN registry's), and the numbers that are not a country's BBAN.
@Suite struct NationalAccountsTests {
    @Test(arguments: [
        ("NO", "8601.11.17947", "NO9386011117947"),
        ("NO", "1503.61.23450", "NO2415036123450"),
        ("DK", "0040 0440116243", "DK5000400440116243"),
        ("FI", "123456-00000785", "FI2112345600000785"),
        ("BE", "539-0075470-34", "BE68539007547034"),
    ])
    func makesTheRegistryIBAN(country: String, account: String, iban: String) throws {
        let accounts = try #require(NationalAccounts(country: country))
        #expect(accounts.iban(account) == iban)
    }

    @Test func refusesWhatIsNotTheCountrysBBAN() throws {
        let norway = try #require(NationalAccounts(country: "NO"))
        #expect(norway.iban("8601.11.1794") == nil)  // 10 digits
        #expect(norway.iban("8601.11.179470") == nil)  // 12 digits
        #expect(norway.iban("86011117947000000000000") == nil)  // far too long: no overflow
        #expect(norway.iban("8601.11.1794A") == nil)
        #expect(norway.iban("") == nil)
        #expect(NationalAccounts(country: "SE") == nil)
        #expect(NationalAccounts(country: "no") == nil)
    }
}
