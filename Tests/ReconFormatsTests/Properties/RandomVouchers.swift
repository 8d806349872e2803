import PropertyBased
import ReconCore

/// Random balanced vouchers: two to five lines on a few accounts, the last line balancing the rest.
enum RandomVouchers {
    static let accounts = ["1920", "1500", "3080", "7790", "2990"]

    static let line = zip(RandomValues.pick(accounts), Gen.int64(in: -9_999_999...9_999_999).filter { $0 != 0 },
                          RandomValues.identifier.optional(), RandomValues.identifier.optional(), RandomValues.text)

    static let voucher = zip(RandomValues.currency, RandomValues.date.filter { $0.year >= 1971 && $0.year <= 2099 },
                             RandomValues.identifier, line.array(of: 1...4))
        .map { currency, date, entry, seeds in
            var lines = seeds.map { account, units, customer, invoice, text in
                JournalLine(account: account, amount: Money(minorUnits: units, currency: currency), customerId: customer,
                            invoiceId: invoice, text: text)
            }
            let rest = -lines.reduce(0) { $0 + $1.amount.minorUnits }
            lines.append(JournalLine(account: "1920", amount: Money(minorUnits: rest == 0 ? 1 : rest, currency: currency), text: "Payment"))
            if rest == 0 { lines.append(JournalLine(account: "1500", amount: Money(minorUnits: -1, currency: currency), text: "Settle")) }
            return Voucher(number: "", date: date, currency: currency, entryId: entry, lines: lines)
        }

    /// In date order and numbered `000001` …, as recon writes them (settlement order).
    static let vouchers = voucher.array(of: 0...5).map { vouchers in
        vouchers.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            .enumerated().map { index, voucher in
            var numbered = voucher
            numbered.number = String(repeating: "0", count: 6 - String(index + 1).count) + String(index + 1)
            return numbered
        }
    }
}
