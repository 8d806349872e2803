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
        // One array of exactly the lines of some amount (building, joining and filtering three
        // arrays per payment showed in the settling thread's profile). Exactly: a voucher keeps
        // its lines to the end of the run, and room for lines never written cost 240 MiB at 1M.
        var count = (transaction.amount.isZero ? 0 : 1) + (credit.map { $0.amount.isZero ? 0 : 1 } ?? 0)
        for index in settlements.indices {
            if !settlements[index].settled.isZero { count += 1 }
            if !settlements[index].cashDiscount.isZero { count += 1 }
            if !settlements[index].writeOff.isZero { count += 1 }
        }
        var lines: [JournalLine] = []
        lines.reserveCapacity(count)
        // Each line made only when it has an amount, straight into the array (made first and
        // then passed on, each was copied and destroyed: four strings retained and released).
        if !transaction.amount.isZero {
            lines.append(JournalLine(account: accounts.bank, amount: transaction.amount, wording: .payment,
                                     subject: transaction.bankRef ?? transaction.entryId))
        }
        addSettlementLines(settlements, to: &lines)
        if let credit, !credit.amount.isZero {
            lines.append(JournalLine(account: accounts.receivable, amount: credit.amount, customerId: credit.customerId,
                                     invoiceId: credit.invoiceId, wording: .customerCredit, subject: credit.invoiceId))
        }
        return lines
    }

    /// The lines of settlements that move no bank money (a reviewer's full settlement or write-off
    /// of what an earlier payment left open): receivable against discount or write-off.
    public func adjustmentLines(for settlements: [Settlement]) -> [JournalLine] {
        var lines: [JournalLine] = []
        addSettlementLines(settlements, to: &lines)
        return lines
    }

    private func addSettlementLines(_ settlements: [Settlement], to lines: inout [JournalLine]) {
        for index in settlements.indices {  // the fields read in place: a row copied retains all its strings
            let (invoiceId, customerId) = (settlements[index].invoiceId, settlements[index].customerId)
            let (discount, writeOff) = (settlements[index].cashDiscount, settlements[index].writeOff)
            // A line of no amount is not written.
            if !settlements[index].settled.isZero {
                lines.append(JournalLine(account: accounts.receivable, amount: -settlements[index].settled,
                                         customerId: customerId, invoiceId: invoiceId, wording: .settle, subject: invoiceId))
            }
            if !discount.isZero {
                let wording: JournalLine.Wording = settlements[index].kind == .fullSettlement ? .fullSettlement : .cashDiscount
                lines.append(JournalLine(account: accounts.cashDiscount, amount: discount,
                                         customerId: customerId, invoiceId: invoiceId, wording: wording, subject: invoiceId))
            }
            if !writeOff.isZero {
                lines.append(JournalLine(account: accounts.overUnderpayment, amount: writeOff, customerId: customerId,
                                         invoiceId: invoiceId, wording: writeOff.isPositive ? .underpayment : .overpayment,
                                         subject: invoiceId))
            }
        }
    }
}
