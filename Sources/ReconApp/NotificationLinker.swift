import ReconCore
import ReconFormats

/// Links camt.054 notifications to the camt.053 (or camt.052) entries they detail.
///
/// Banks often book a batch — a collection of incoming payments, a payroll — as one statement
/// entry and send its individual payments in a camt.054. When both files are given, the
/// notification entry belongs to the statement entry with
/// - the same account and the same signed amount and currency, and
/// - a common reference: AcctSvcrRef, NtryRef or the batch's PmtInfId (either side's AcctSvcrRef
///   may be the other's NtryRef).
///
/// The notification is then consumed (its money is the statement's, never counted twice), and when
/// it has more transactions than the statement entry — its TxDtls, which the camt reader only
/// splits when they add up to the entry — they replace the entry's, so that each payment is
/// matched on its own. Booking date, value date, status and reversal stay the statement's; the
/// ids are the statement entry's with `/1`, `/2` … A notification that matches nothing stays its
/// own transactions, with a warning when a statement of the same account was given.
struct NotificationLinker {
    var files: [BankInput.File]
    /// Every file's transactions in input order (each entry's at its `range`); after `link`, the
    /// run's: consumed notifications left out, detailed batches split.
    var transactions: [BankTransaction]

    init(_ files: [BankInput.File], transactions: [BankTransaction]) {
        self.files = files
        self.transactions = transactions
    }

    /// An entry: its file, and its place among the file's entries.
    private struct Position: Hashable {
        var file: Int, entry: Int
    }

    private struct Key: Hashable {
        var account: String
        var currency: Currency
        var minorUnits: Int64
    }

    mutating func link() -> [Finding] {
        var notifications: [Key: [Position]] = [:]
        var statementAccounts = Set<String>()
        for (f, file) in files.enumerated() {
            for statement in file.statements {
                let format = statement.info.format
                if format.hasPrefix("camt.054") {
                    for e in statement.entries {
                        let entry = file.entries[e].entry
                        let key = Key(account: statement.info.account, currency: entry.amount.currency,
                                      minorUnits: entry.amount.minorUnits)
                        notifications[key, default: []].append(Position(file: f, entry: e))
                    }
                } else if format.hasPrefix("camt.053") || format.hasPrefix("camt.052") {
                    statementAccounts.insert(statement.info.account)
                }
            }
        }
        guard !notifications.isEmpty else { return [] }
        var consumed = Set<Position>()
        var replaced: [Position: [BankTransaction]] = [:]
        for f in files.indices {
            for statement in files[f].statements {
                let info = statement.info
                guard info.format.hasPrefix("camt.053") || info.format.hasPrefix("camt.052") else { continue }
                for e in statement.entries {
                    let booking = files[f].entries[e].entry
                    let key = Key(account: info.account, currency: booking.amount.currency, minorUnits: booking.amount.minorUnits)
                    guard let match = notifications[key]?.first(where: { position in
                        !consumed.contains(position) && Self.shareAReference(booking, entry(at: position))
                    }) else { continue }
                    consumed.insert(match)
                    let bookingRange = files[f].entries[e].range
                    let detailsRange = range(at: match)
                    if detailsRange.count > bookingRange.count {
                        replaced[Position(file: f, entry: e)] =
                            Self.detailed(booking, first: transactions[bookingRange].first, by: transactions[detailsRange])
                    }
                }
            }
        }
        var warnings: [Finding] = []
        for (key, positions) in notifications {
            for position in positions where !consumed.contains(position) && statementAccounts.contains(key.account) {
                let notification = entry(at: position)
                warnings.append(Finding(notification.origin, "camt.054 entry \(notification.amount) \(notification.amount.currency) matches no entry of the camt.053 given for \(key.account) (same amount and AcctSvcrRef, NtryRef or PmtInfId): kept as its own transactions; if the statement books it under another reference, it is counted twice"))
            }
        }
        // Consumed notifications leave the run (their money is the statement entries'), and detailed
        // batches give way to their payments: the transactions are laid out anew, in input order.
        if !consumed.isEmpty {
            var linked: [BankTransaction] = []
            linked.reserveCapacity(transactions.count)
            for f in files.indices {
                guard files[f].keepsEntries else {
                    linked += transactions[files[f].transactions]
                    continue
                }
                for e in files[f].entries.indices {
                    let position = Position(file: f, entry: e)
                    if consumed.contains(position) { continue }
                    if let detailed = replaced[position] {
                        linked += detailed
                    } else {
                        linked += transactions[files[f].entries[e].range]  // no array of its own per entry
                    }
                }
            }
            transactions = linked
        }
        return warnings.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    }

    private func entry(at position: Position) -> BankEntry {
        files[position.file].entries[position.entry].entry
    }

    private func range(at position: Position) -> Range<Int> {
        files[position.file].entries[position.entry].range
    }

    static func shareAReference(_ booking: BankEntry, _ notification: BankEntry) -> Bool {
        let bookingRefs = Set([booking.bankRef, booking.entryRef].compactMap { $0 })
        let notificationRefs = Set([notification.bankRef, notification.entryRef].compactMap { $0 })
        if !bookingRefs.isDisjoint(with: notificationRefs) { return true }
        if let batch = booking.batchId, batch == notification.batchId { return true }
        return false
    }

    /// The notification's transactions, booked as the statement books them.
    /// `first`: the statement entry's first transaction; `details`: the notification's transactions.
    static func detailed(_ booking: BankEntry, first: BankTransaction?, by details: ArraySlice<BankTransaction>) -> [BankTransaction] {
        let base: (prefix: String, suffix: String) = first.map { baseId($0.entryId) } ?? ("", "")
        return details.enumerated().map { index, detail in
            var transaction = detail
            transaction.account = first?.account ?? detail.account
            transaction.bookingDate = booking.bookingDate
            transaction.valueDate = booking.valueDate
            transaction.status = booking.status
            transaction.isReversal = booking.isReversal
            if transaction.bankRef == nil { transaction.bankRef = first?.bankRef }
            transaction.entryId = "\(base.prefix)/\(index + 1)\(base.suffix)"
            return transaction
        }
    }

    /// `ACCOUNT/REF/1~2` → (`ACCOUNT/REF`, `~2`).
    static func baseId(_ id: String) -> (prefix: String, suffix: String) {
        guard let slash = id.lastIndex(of: "/") else { return (id, "") }
        let tail = id[id.index(after: slash)...]
        let suffix = tail.firstIndex(of: "~").map { String(tail[$0...]) } ?? ""
        return (String(id[..<slash]), suffix)
    }
}
