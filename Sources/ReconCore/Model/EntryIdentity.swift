/// Gives each transaction of one bank file its stable `entry_id`.
///
/// `ACCOUNT/REF/N`: the statement account (`-` when unknown), the bank's reference of the entry
/// (AcctSvcrRef, else NtryRef, else EndToEndId) and the 1-based TxDtls index. Without a reference,
/// `ACCOUNT/H<content hash>/N`. When the same id comes up again within one file (two identical real
/// payments on one day, or a bank reusing a reference), the later ones get `~2`, `~3` …, so that
/// they stay separate transactions while the same file read twice gives the same ids.
public struct EntryIdentity: Sendable {
    /// The 64-bit FNV-1a hashes of the ids seen: 8 bytes an id, so that reading a statement of a
    /// million entries keeps memory flat. Two different ids with the same hash (odds of about 3 in
    /// 100 million for a million ids) would only give the later one a `~2` — still unique, still the
    /// same on every read of the file.
    private var seen: Set<UInt64> = []
    /// How often each id that did repeat has occurred.
    private var repeated: [String: Int] = [:]

    public init() {}

    public mutating func assign(_ transaction: inout BankTransaction, entryReference: String?, index: Int) {
        assign(&transaction, base: Self.base(of: transaction, entryReference: entryReference, index: index))
    }

    /// The id before the check for repeats, `ACCOUNT/REFERENCE/INDEX`: it depends on the transaction
    /// alone, so a reader on another core can make it.
    public static func base(of transaction: BankTransaction, entryReference: String?, index: Int) -> String {
        let account = transaction.account.isEmpty ? "-" : transaction.account
        let reference: String
        if let entryReference, !entryReference.isEmpty {
            reference = entryReference
        } else {
            reference = "H" + transaction.contentHash
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(account.utf8.count + reference.utf8.count + 8)
        bytes.append(contentsOf: account.utf8)
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: reference.utf8)
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: String(index).utf8)
        return String(decoding: bytes, as: UTF8.self)  // built from bytes: interpolation costs ~3×
    }

    /// Gives `transaction` its id from `base(of:…)`, `~2`, `~3` … added to a repeat: called in
    /// file order.
    public mutating func assign(_ transaction: inout BankTransaction, base: String) {
        var hash = StableHash()
        hash.combine(base.utf8)
        guard !seen.insert(hash.value).inserted else {
            transaction.entryId = base
            return
        }
        let occurrence = repeated[base, default: 1] + 1
        repeated[base] = occurrence
        transaction.entryId = "\(base)~\(occurrence)"
    }
}
