@testable import ReconCore

/// Small builders so that tests read like the accountant's examples.
func money(_ text: String, _ currency: Currency = .EUR) -> Money {
    try! Money.parse(text, currency: currency)
}

func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

let testOrigin = SourceLocation(file: "test", line: 1)

func invoice(_ id: String, _ amount: String, date: String = "2025-06-01", customer: String = "C1",
             open: String? = nil, discount: String = "", reference: String? = nil, currency: Currency = .EUR) -> OpenItem {
    let value = money(amount, currency)
    return OpenItem(invoiceId: id, customerId: customer, type: value.isNegative ? .creditNote : .invoice,
                    amount: value, openAmount: open.map { money($0, currency) }, invoiceDate: day(date),
                    cashDiscount: DiscountTier.parseTiers(discount)!, reference: reference)
}

func payment(_ amount: String, on date: String = "2025-06-10", ref: String? = nil, e2e: String? = nil,
             text: String = "", bankRef: String? = nil, currency: Currency = .EUR,
             status: EntryStatus = .booked, reversal: Bool = false) -> BankTransaction {
    var transaction = BankTransaction(bankRef: bankRef, account: "NO00TEST", amount: money(amount, currency),
                                      bookingDate: day(date), status: status, isReversal: reversal,
                                      endToEndId: e2e, structuredRef: ref, text: text, origin: testOrigin)
    var identity = EntryIdentity()
    identity.assign(&transaction, entryReference: bankRef, index: 1)
    return transaction
}
