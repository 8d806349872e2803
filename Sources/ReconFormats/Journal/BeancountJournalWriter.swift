import ReconCore

/// `journal.beancount`: `open` directives for every account used (on its first date), then one
/// transaction per voucher with `voucher`, `bank_ref` and `entry_id` as transaction metadata and
/// `customer` and `invoice` as posting metadata; the invoice ids are also links (`^10010`), so that
/// `bean-query` or Fava find every posting of an invoice. Passes `bean-check`.
public enum BeancountJournalWriter {
    public static let fileName = "journal.beancount"

    public static func write(_ input: JournalInput, to writer: FileWriter) throws {
        let names = LedgerAccountNames(input: input)
        try writer.write("; recon journal for beancount: one transaction per voucher (docs/journals.md)\n")
        try writer.write("option \"operating_currency\" \"\(input.vouchers.first?.currency.code ?? "EUR")\"\n\n")
        for (name, date) in names.used() { try writer.write("\(date) open \(name)\n") }
        for voucher in input.vouchers {
            let transaction = input.transaction(of: voucher)
            let payee = transaction?.payerName.map(LedgerText.oneLine) ?? ""
            let narration = LedgerText.oneLine(voucher.lines.first?.text ?? "Voucher \(voucher.number)")
            var invoices: [String] = []
            for line in voucher.lines {
                if let invoice = line.invoiceId, !invoices.contains(invoice) { invoices.append(invoice) }
            }
            let links = invoices.compactMap(link).map { " ^" + $0 }.joined()
            try writer.write("\n\(voucher.date) * \(quoted(payee)) \(quoted(narration))\(links)\n")
            try writer.write("  voucher: \(quoted(voucher.number))\n")
            if let bankRef = transaction?.bankRef { try writer.write("  bank_ref: \(quoted(bankRef))\n") }
            try writer.write("  entry_id: \(quoted(voucher.entryId))\n")
            for line in voucher.lines {
                try writer.write("  \(names.name(of: line.account))  \(line.amount.formatted()) \(voucher.currency.code)\n")
                if let customer = line.customerId { try writer.write("    customer: \(quoted(customer))\n") }
                if let invoice = line.invoiceId { try writer.write("    invoice: \(quoted(invoice))\n") }
            }
        }
    }

    /// A beancount string: double quotes, `"` and `\` escaped, one line.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in LedgerText.oneLine(text).unicodeScalars {
            if scalar == "\"" || scalar == "\\" { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result + "\""
    }

    /// A link name (`^…`) may hold letters, digits and `-_/.`; ids with other characters get none.
    static func link(_ id: String) -> String? {
        let allowed = id.unicodeScalars.allSatisfy {
            ($0 >= "0" && $0 <= "9") || ($0 >= "A" && $0 <= "Z") || ($0 >= "a" && $0 <= "z") || "-_/.".unicodeScalars.contains($0)
        }
        return allowed && !id.isEmpty ? id : nil
    }
}
