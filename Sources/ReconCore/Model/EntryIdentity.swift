/// Gives each transaction of one bank file its stable `entry_id`.
///
/// `ACCOUNT/REF/N`: the statement account (`-` when unknown), the bank's reference of the entry
/// (AcctSvcrRef, else NtryRef, else EndToEndId) and the 1-based TxDtls index. Without a reference,
/// `ACCOUNT/H<content hash>/N`. When the same id comes up again within one file (two identical real
/// payments on one day, or a bank reusing a reference), the later ones get `~2`, `~3` …, so that
/// they stay separate transactions while the same file read twice gives the same ids.
public struct EntryIdentity: Sendable {
    private var seen: [String: Int] = [:]

    public init() {}

    public mutating func assign(_ transaction: inout BankTransaction, entryReference: String?, index: Int) {
        let account = transaction.account.isEmpty ? "-" : transaction.account
        let reference: String
        if let entryReference, !entryReference.isEmpty {
            reference = entryReference
        } else {
            reference = "H" + transaction.contentHash
        }
        let base = "\(account)/\(reference)/\(index)"
        let occurrence = (seen[base] ?? 0) + 1
        seen[base] = occurrence
        transaction.entryId = occurrence == 1 ? base : "\(base)~\(occurrence)"
    }
}
