/// Gives each transaction of one bank file its stable `entry_id`.
///
/// `ACCOUNT/REF/N`: the statement account (`-` when unknown), the bank's reference of the entry
/// (AcctSvcrRef, else NtryRef, else EndToEndId) and the 1-based TxDtls index. Without a reference,
/// `ACCOUNT/H<content hash>/N`. When the same id comes up again within one file (two identical real
/// payments on one day, or a bank reusing a reference), the later ones get `~2`, `~3` …, so that
/// they stay separate transactions while the same file read twice gives the same ids.
public struct EntryIdentity: Sendable {
    /// The first id seen with each 64-bit hash: most ids occur once, and hashing eight bytes costs
    /// far less than hashing a 35-character id into a growing dictionary.
    private var firstByHash: [UInt64: String] = [:]
    /// How often each id that did repeat has occurred (or whose hash was taken by another id).
    private var repeated: [String: Int] = [:]

    public init() {}

    public mutating func assign(_ transaction: inout BankTransaction, entryReference: String?, index: Int) {
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
        let base = String(decoding: bytes, as: UTF8.self)  // built from bytes: interpolation costs ~3×
        let occurrence = count(base)
        transaction.entryId = occurrence == 1 ? base : "\(base)~\(occurrence)"
    }

    /// How many times `id` has now been seen, this time included.
    private mutating func count(_ id: String) -> Int {
        var hash = StableHash()
        hash.combine(id.utf8)
        guard let first = firstByHash[hash.value] else {
            firstByHash[hash.value] = id
            return 1
        }
        // A true repeat counts from the first occurrence; an id that merely shares the hash of
        // another starts its own count.
        let start = first == id ? 1 : 0
        let occurrence = repeated[id, default: start] + 1
        repeated[id] = occurrence
        return occurrence
    }
}
