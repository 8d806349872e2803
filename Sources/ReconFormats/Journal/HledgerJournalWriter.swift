import ReconCore

/// `journal.hledger`: account and commodity declarations, then one transaction per voucher with
/// the bank reference, voucher number and entry id as transaction tags and the customer and invoice
/// as posting tags. Passes `hledger check --strict`.
public enum HledgerJournalWriter {
    public static let fileName = "journal.hledger"

    public static func write(_ input: JournalInput, to writer: FileWriter) throws {
        let names = LedgerAccountNames(input: input)
        try writer.write("; recon journal for hledger: one transaction per voucher (docs/journals.md)\n\n")
        for (name, _) in names.used() { try writer.write("account \(name)\n") }
        let currencies = Set(input.vouchers.map(\.currency)).sorted()
        if !currencies.isEmpty { try writer.write("\n") }
        for currency in currencies {
            let sample = Money(minorUnits: 100_000 * currency.minorUnitsPerMajor, currency: currency)
            // hledger refuses a commodity sample without a decimal mark: `100000.` for JPY.
            try writer.write("commodity \(sample.formatted())\(currency.exponent == 0 ? "." : "") \(currency.code)\n")
        }
        for voucher in input.vouchers {
            let transaction = input.transaction(of: voucher)
            var tags = ["voucher:\(voucher.number)"]
            if let bankRef = transaction?.bankRef { tags.append("bank_ref:" + LedgerAccountNames.tagValue(bankRef)) }
            tags.append("entry_id:" + LedgerAccountNames.tagValue(voucher.entryId))
            let description = LedgerText.oneLine(voucher.lines.first?.text ?? "Voucher \(voucher.number)")
            try writer.write("\n\(voucher.date) * \(description)  ; \(tags.joined(separator: ", "))\n")
            if let payer = transaction?.payerName {
                try writer.write("    ; payer: \(LedgerAccountNames.tagValue(payer))\n")
            }
            let width = voucher.lines.map { names.name(of: $0.account).count }.max() ?? 0
            for line in voucher.lines {
                let account = names.name(of: line.account)
                let amount = line.amount.formatted()
                let pad = String(repeating: " ", count: width - account.count + max(2, 14 - amount.count))
                var text = "    \(account)\(pad)\(amount) \(voucher.currency.code)"
                var postingTags: [String] = []
                if let customer = line.customerId { postingTags.append("customer:" + LedgerAccountNames.tagValue(customer)) }
                if let invoice = line.invoiceId { postingTags.append("invoice:" + LedgerAccountNames.tagValue(invoice)) }
                if !postingTags.isEmpty { text += "  ; " + postingTags.joined(separator: ", ") }
                try writer.write(text + "\n")
            }
        }
    }
}
