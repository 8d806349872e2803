import PropertyBased
import ReconCore
@testable import ReconFormats

/// Generators of the values recon writes: text with every character that needs quoting or
/// escaping somewhere (delimiters, quotes, line breaks, XML's `<&>`, non-ASCII), amounts in every
/// exponent, dates.
enum RandomValues {
    /// One of `values` (never empty here), shrinking toward the first.
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, Shrink.Integer<Int>> {
        Gen.int(in: 0...values.count - 1).map { values[$0] }
    }

    static let alphabet: [Character] = ["a", "Z", "7", " ", ",", ";", "\"", "'", "\n", "\r", "\t", "ø", "Å", "漢", "🙂",
                                        "=", "+", "-", "#", "&", "<", ">", "\\", "|"]
    static let text = pick(alphabet).string(of: 0...12)
    /// Text as the CSV readers keep it: they trim spaces and tabs around a field.
    static let trimmedText = text.map { String($0.trimmingASCIISpaces()) }
    /// A non-empty identifier with the same characters.
    static let identifier = zip(pick(["A", "7", "x"] as [Character]), text).map { first, rest in
        String(first) + rest.trimmingASCIISpaces()
    }

    static let currencies = [Currency.JPY, .EUR, .NOK, Currency(code: "KWD")!, Currency(code: "CLF")!]
    static let currency = pick(currencies)
    static let minorUnits = Gen.int64(in: -99_999_999_999...99_999_999_999)
    static let date = Gen.int(in: -3_000...40_000).map { CalendarDate(dayNumber: Int32($0)) }

    static func money(_ units: Int64, _ currency: Currency) -> Money { Money(minorUnits: units, currency: currency) }

    static let transaction = zip(identifier, text.optional(), currency, minorUnits, date, text.optional(), text.optional(),
                                 text.optional(), text).map { id, bankRef, currency, units, date, payer, iban, reference, text in
        BankTransaction(entryId: id, bankRef: bankRef, account: "ACC", amount: money(units, currency), bookingDate: date,
                        structuredRef: reference, payerName: payer, payerIban: iban, text: text,
                        origin: SourceLocation(file: "bank", line: 1))
    }

    static let exception = zip(transaction, pick(ExceptionKind.allCases), identifier.array(of: 0...3), text, text)
        .map { transaction, kind, candidates, reason, action in
            ReconException(kind: kind, transaction: transaction, candidates: candidates.map { Candidate(invoiceId: $0) },
                           reason: reason, suggestedAction: action)
        }

    static let settlement = zip(identifier, text.optional(), date, identifier, identifier, currency,
                                zip(minorUnits, minorUnits, minorUnits, minorUnits), pick(SettlementKind.allCases))
        .map { entry, bankRef, date, invoice, customer, currency, units, kind in
            let (paid, discount, writeOff, after) = units
            let settled = paid / 4 + discount / 4 + writeOff / 4
            return Settlement(entryId: entry, bankRef: bankRef, bookingDate: date, invoiceId: invoice, customerId: customer,
                              paid: money(paid / 4, currency), cashDiscount: money(discount / 4, currency),
                              writeOff: money(writeOff / 4, currency), openBefore: money(after / 4 + settled, currency),
                              openAfter: money(after / 4, currency), kind: kind)
        }

    static let openItem = zip(identifier, identifier, trimmedText, pick(OpenItemType.allCases), currency,
                              zip(Gen.int64(in: 1...99_999_999_999), Gen.int(in: 0...100), Gen.int(in: 0...100)),
                              zip(date, date.optional()), zip(trimmedText, trimmedText), Gen.int(in: 0...4))
        .map { id, customer, name, type, currency, units, dates, strings, tiers in
            let (amount, openShare, takenShare) = units
            let sign: Int64 = type == .invoice ? 1 : -1
            return OpenItem(invoiceId: id, customerId: customer, customerName: name.isEmpty ? nil : name, type: type,
                            amount: money(sign * amount, currency), openAmount: money(sign * (amount / 100 * Int64(openShare)), currency),
                            invoiceDate: dates.0, dueDate: dates.1,
                            cashDiscount: DiscountTier.parseTiers(["", "2%/5", "2%/5 1%/14", "3.25%/10", "0.5%/3660"][tiers])!,
                            discountTaken: money(sign * (amount / 100 * Int64(takenShare) / 10), currency),
                            reference: strings.0.isEmpty ? nil : strings.0, customerIban: strings.1.isEmpty ? nil : strings.1)
        }
}
