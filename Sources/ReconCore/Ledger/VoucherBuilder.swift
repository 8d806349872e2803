/// Turns a settled transaction into its voucher lines: bank debit, receivable credits, and the
/// discount and write-off lines against their accounts. Zero lines are left out.
public struct VoucherBuilder: Sendable {
    public var accounts: LedgerAccounts

    public init(accounts: LedgerAccounts) {
        self.accounts = accounts
    }

    /// The lines for `transaction`, settled by `settlements`, with `credit` (if any) left on the
    /// customer's account as a new credit item.
    public func receiptLines(for transaction: BankTransaction, settlements: [Settlement],
                             credit: OpenItem?) -> [JournalLine] {
        let reference = transaction.bankRef ?? transaction.entryId
        var lines = [JournalLine(account: accounts.bank, amount: transaction.amount,
                                 text: "Payment \(reference)")]
        lines += settlementLines(settlements)
        if let credit {
            lines.append(JournalLine(account: accounts.receivable, amount: credit.amount, customerId: credit.customerId,
                                     invoiceId: credit.invoiceId, text: "Customer credit \(credit.invoiceId)"))
        }
        return lines.filter { !$0.amount.isZero }
    }

    /// The lines of settlements that move no bank money (a reviewer's full settlement or write-off
    /// of what an earlier payment left open): receivable against discount or write-off.
    public func adjustmentLines(for settlements: [Settlement]) -> [JournalLine] {
        settlementLines(settlements).filter { !$0.amount.isZero }
    }

    private func settlementLines(_ settlements: [Settlement]) -> [JournalLine] {
        var lines: [JournalLine] = []
        for row in settlements {
            lines.append(JournalLine(account: accounts.receivable, amount: -row.settled, customerId: row.customerId,
                                     invoiceId: row.invoiceId, text: "Settle \(row.invoiceId)"))
            if !row.cashDiscount.isZero {
                let text = row.kind == .fullSettlement ? "Full settlement \(row.invoiceId)" : "Cash discount \(row.invoiceId)"
                lines.append(JournalLine(account: accounts.cashDiscount, amount: row.cashDiscount,
                                         customerId: row.customerId, invoiceId: row.invoiceId, text: text))
            }
            if !row.writeOff.isZero {
                let text = row.writeOff.isPositive ? "Underpayment \(row.invoiceId)" : "Overpayment \(row.invoiceId)"
                lines.append(JournalLine(account: accounts.overUnderpayment, amount: row.writeOff,
                                         customerId: row.customerId, invoiceId: row.invoiceId, text: text))
            }
        }
        return lines
    }
}
