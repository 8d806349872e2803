import ReconCore

/// Dynamics 365 Finance data-management import files for the customer payment journal: one file
/// for `CustomerPaymentJournalLineEntity`, one for `CustomerPaymentJournalLineSettledInvoiceEntity`.
/// Column names are the entities' attribute names in the Common Data Model (docs/journals.md).
///
/// Per transaction and customer one payment line credits the customer with the money applied (and
/// any new credit) against the bank account; its settled-invoice rows mark each invoice with the
/// amount to settle and the cash discount to take, so that D365 settles exactly what recon did.
/// Write-offs become lines of their own (see `D365PaymentLines`).
public enum D365JournalWriter {
    public static let linesFile = "d365-customer-payment-journal-lines.csv"
    public static let settledInvoicesFile = "d365-customer-payment-journal-settled-invoices.csv"
    /// Imports group lines into one journal by this number; D365 renumbers it when the import
    /// project's journal number is set to be generated.
    public static let batchNumber = "RECON"

    public static let lineColumns = ["JournalBatchNumber", "LineNumber", "Voucher", "TransactionDate",
                                     "AccountType", "AccountDisplayValue", "CurrencyCode", "DebitAmount",
                                     "CreditAmount", "OffsetAccountType", "OffsetAccountDisplayValue",
                                     "PaymentReference", "TransactionText", "PaymentNotes"]
    public static let settledInvoiceColumns = ["JournalBatchNumber", "JournalLineNumber", "JournalLineAccountType",
                                               "AccountDisplayValue", "InvoiceNumber",
                                               "SettlementAmountInInvoiceCurrency",
                                               "CashDiscountToTakeInInvoiceCurrency"]

    public static func writeLines(_ input: JournalInput, to writer: FileWriter) throws {
        var csv = CSVWriter(writer)
        try csv.header(lineColumns)
        for line in D365PaymentLines.build(input) {
            try csv.field(batchNumber)
            try csv.field(String(line.number))
            try csv.field(line.voucher)
            try csv.field(line.date)
            try csv.field(line.accountType)
            try csv.field(line.account)
            try csv.field(line.currency)
            try csv.field(line.amount.isNegative ? -line.amount : nil)
            try csv.field(line.amount.isPositive ? line.amount : nil)
            try csv.field(line.offsetAccountType)
            try csv.field(line.offsetAccount)
            try csv.field(line.paymentReference)
            try csv.field(line.text)
            try csv.field(line.entryId)
            try csv.endRecord()
        }
    }

    public static func writeSettledInvoices(_ input: JournalInput, to writer: FileWriter) throws {
        var csv = CSVWriter(writer)
        try csv.header(settledInvoiceColumns)
        for line in D365PaymentLines.build(input) {
            for invoice in line.settledInvoices {
                try csv.field(batchNumber)
                try csv.field(String(line.number))
                try csv.field(line.accountType)
                try csv.field(line.account)
                try csv.field(invoice.invoiceId)
                try csv.field(invoice.settle)
                try csv.field(invoice.cashDiscount)
                try csv.endRecord()
            }
        }
    }
}

/// The lines of the D365 customer payment journal, built from recon's vouchers and settlements.
///
/// For each voucher, customers in the order their first settlement appears:
/// - a `Cust` line crediting the customer with `paid + write-off` of absorbed overpayments plus the
///   new customer credit, offset against the bank (`Ledger`); its invoices are marked with
///   `paid + negative write-off` to settle and the cash discount to take;
/// - when underpayments are written off, a `Cust` line crediting the customer with them, offset
///   against the over/underpayment account, marking each invoice with its write-off;
/// - when overpayments are absorbed, a `Ledger` line crediting the over/underpayment account,
///   offset against the bank.
/// A voucher without settlements (suspense) becomes `Ledger` lines offset against the bank.
public enum D365PaymentLines {
    public struct SettledInvoice: Sendable, Hashable {
        public var invoiceId: String
        public var settle: Money
        public var cashDiscount: Money
    }

    public struct Line: Sendable, Hashable {
        public var number: Int
        public var voucher: String
        public var date: CalendarDate
        public var accountType: String
        public var account: String
        public var currency: Currency
        /// Positive: credit on the account (money received); negative: debit.
        public var amount: Money
        public var offsetAccountType: String
        public var offsetAccount: String
        public var paymentReference: String?
        public var text: String
        public var entryId: String
        public var settledInvoices: [SettledInvoice]
    }

    public static func build(_ input: JournalInput) -> [Line] {
        let settlements = input.settlementsByEntry()
        var lines: [Line] = []
        func add(_ voucher: Voucher, _ type: String, _ account: String, _ amount: Money, offsetType: String,
                 offset: String, text: String, invoices: [SettledInvoice] = []) {
            guard !amount.isZero || !invoices.isEmpty else { return }
            lines.append(Line(number: lines.count + 1, voucher: voucher.number, date: voucher.date, accountType: type,
                              account: account, currency: voucher.currency, amount: amount,
                              offsetAccountType: offsetType, offsetAccount: offset,
                              paymentReference: input.transaction(of: voucher)?.bankRef, text: text,
                              entryId: voucher.entryId, settledInvoices: invoices))
        }
        let accounts = input.accounts
        // A payment's new credit by its id, looked up once per voucher: searching the list for each
        // voucher (and making the id again for each credit compared) took 10 minutes for 100k payments.
        var credits: [String: OpenItem] = [:]
        for credit in input.newCredits where credits[credit.invoiceId] == nil { credits[credit.invoiceId] = credit }
        for voucher in input.vouchers {
            let reference = input.reference(of: voucher)
            let rows = settlements[voucher.entryId] ?? []
            if rows.isEmpty {
                for line in voucher.lines where line.account != accounts.bank {
                    add(voucher, "Ledger", line.account, -line.amount, offsetType: "Ledger", offset: accounts.bank,
                        text: line.text)
                }
                continue
            }
            let credit = credits[Reconciler.creditId(for: voucher.entryId)]
            var customers: [String] = []
            for row in rows where !customers.contains(row.customerId) { customers.append(row.customerId) }
            let zero = Money.zero(voucher.currency)
            for customer in customers {
                let own = rows.filter { $0.customerId == customer }
                var payment = zero, writtenOff = zero, absorbed = zero
                var marked: [SettledInvoice] = [], writeOffs: [SettledInvoice] = []
                for row in own {
                    let overpayment = row.writeOff.isNegative ? row.writeOff : zero
                    let underpayment = row.writeOff.isPositive ? row.writeOff : zero
                    payment += row.paid + overpayment
                    absorbed += overpayment
                    writtenOff += underpayment
                    merge(SettledInvoice(invoiceId: row.invoiceId, settle: row.paid + overpayment,
                                         cashDiscount: row.cashDiscount), into: &marked)
                    if !underpayment.isZero {
                        merge(SettledInvoice(invoiceId: row.invoiceId, settle: underpayment, cashDiscount: zero),
                              into: &writeOffs)
                    }
                }
                if let credit, credit.customerId == customer { payment += -credit.amount }
                add(voucher, "Cust", customer, payment, offsetType: "Ledger", offset: accounts.bank,
                    text: "Payment \(reference)", invoices: marked)
                add(voucher, "Cust", customer, writtenOff, offsetType: "Ledger", offset: accounts.overUnderpayment,
                    text: "Underpayment written off \(reference)", invoices: writeOffs)
                add(voucher, "Ledger", accounts.overUnderpayment, -absorbed, offsetType: "Ledger", offset: accounts.bank,
                    text: "Overpayment absorbed \(reference)")
            }
        }
        return lines
    }

    /// Adds an invoice's amounts to its earlier row on the same line (a decision's remainder row).
    private static func merge(_ invoice: SettledInvoice, into list: inout [SettledInvoice]) {
        if let index = list.firstIndex(where: { $0.invoiceId == invoice.invoiceId }) {
            list[index].settle += invoice.settle
            list[index].cashDiscount += invoice.cashDiscount
        } else {
            list.append(invoice)
        }
    }
}
