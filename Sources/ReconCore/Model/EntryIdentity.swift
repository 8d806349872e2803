/// Gives each transaction of one bank file its stable `entry_id`.
///
/// `ACCOUNT/REF/N`: the statement account (`-` when unknown), the bank's reference of the entry
/// (AcctSvcrRef, else NtryRef, else EndToEndId) and the 1-based TxDtls index. Without a reference,
/// `ACCOUNT/H<content hash>/N`. When the same id comes up again within one file (two identical real
/// payments on one day, or a bank reusing a reference), the later ones get `~2`, `~3` …, so that
/// they stay separate transactions while the same file read twice gives the same ids.
public struct EntryIdentity: Sendable {
    /// The 64-bit hashes (`WordHash`) of the ids seen: 8 bytes an id, so that reading a statement of a
    /// million entries keeps memory flat. Two different ids with the same hash (odds of about 3 in
    /// 100 million for a million ids) would only give the later one a `~2` — still unique, still the
    /// same on every read of the file.
    private var seen = HashSet64()
    /// How often each id that did repeat has occurred.
    private var repeated: [String: Int] = [:]

    public init() {}

    public mutating func assign(_ transaction: inout BankTransaction, entryReference: String?, index: Int) {
        assign(&transaction, base: Self.base(of: transaction, entryReference: entryReference, index: index))
    }

    /// The id before the check for repeats, `ACCOUNT/REFERENCE/INDEX`: it depends on the transaction
    /// alone, so a reader on another core can make it.
    public static func base(of transaction: BankTransaction, entryReference: String?, index: Int) -> String {
        if let entryReference, !entryReference.isEmpty {
            return base(account: transaction.account, reference: entryReference, index: index)
        }
        return base(account: transaction.account, reference: "H" + transaction.contentHash, index: index)
    }

    /// `base(of:…)` of a transaction of `account` whose entry has the reference `reference` (not
    /// empty): a reader that has both makes the id before the transaction, and gives it to it.
    public static func base(account: String, reference: String, index: Int) -> String {
        // Written on the stack and made one string (`String(writingAtMost:)`; interpolation costs
        // ~3×, `String(index)` and the `utf8` views another ~600 instructions an entry).
        withBaseWriter(account: account, reference: reference, index: index) { capacity, write in
            String(writingAtMost: capacity, write)
        }
    }

    /// `hash(of: base(account:reference:index:))`, the id written on the stack and hashed there:
    /// a reader whose transaction keeps its id as these parts (`BankTransaction(entryIdIndex:…)`)
    /// makes no string of it.
    public static func hashOfBase(account: String, reference: String, index: Int) -> UInt64 {
        withBaseWriter(account: account, reference: reference, index: index) { capacity, write in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                let count = write(buffer)
                return WordHash.hash(UnsafeBufferPointer(rebasing: buffer[..<count])).value
            }
        }
    }

    /// `body` with the most bytes `ACCOUNT/REFERENCE/INDEX` takes and a writer of them into a
    /// buffer that has room (it returns how many it wrote).
    private static func withBaseWriter<R>(
        account: String, reference: String, index: Int,
        _ body: (Int, (UnsafeMutableBufferPointer<UInt8>) -> Int) -> R
    ) -> R {
        let account = account.isEmpty ? "-" : account
        precondition(index >= 0, "a transaction's index counts from 1")
        let digits = DecimalDigits.count(UInt(index))
        return account.withUTF8Bytes { account in
            reference.withUTF8Bytes { reference in
                body(account.count + reference.count + digits + 2) { buffer in
                    var position = 0
                    func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                        guard let base = bytes.baseAddress else { return }
                        (buffer.baseAddress! + position).initialize(from: base, count: bytes.count)
                        position += bytes.count
                    }
                    func put(_ byte: UInt8) {
                        buffer[position] = byte
                        position += 1
                    }
                    put(account)
                    put(UInt8(ascii: "/"))
                    put(reference)
                    put(UInt8(ascii: "/"))
                    return position + DecimalDigits.write(UInt(index), into: buffer.baseAddress! + position)
                }
            }
        }
    }

    /// Gives `transaction` its id from `base(of:…)`, `~2`, `~3` … added to a repeat: called in
    /// file order.
    public mutating func assign(_ transaction: inout BankTransaction, base: String) {
        transaction.entryId = repeatedId(base) ?? base
    }

    /// `assign(_:base:)` for a transaction whose id is its base already (a block's reader made
    /// it): changed only when it repeats. Set again on every row, it cost the calling thread ~100
    /// instructions a row (the setter's check that the texts are unshared, the strings' counts).
    public mutating func assignKeepingBase(_ transaction: inout BankTransaction) {
        if let id = repeatedId(transaction.entryId) { transaction.entryId = id }
    }

    /// `assignKeepingBase(_:)` with the hash of the transaction's id made already (`hash(of:)`,
    /// by the block's reader).
    public mutating func assignKeepingBase(_ transaction: inout BankTransaction, hash: UInt64) {
        // The set first: the id itself (its string read from the transaction's texts, retained
        // and released) is needed only for a repeat.
        guard !seen.insert(hash) else { return }
        transaction.entryId = nextOccurrence(of: transaction.entryId)
    }

    /// What the ids seen are told apart by: a reader on another core can make it.
    public static func hash(of base: String) -> UInt64 {
        base.withUTF8Bytes { WordHash.hash($0).value }
    }

    /// Room for `count` more ids, made now rather than by doubling as they come.
    public mutating func reserve(_ count: Int) {
        seen.reserve(count)
    }

    /// Reads the places of the ids of `hashes` in the set, one load after another: the ids then
    /// found there or put in by `assignKeepingBase(_:hash:)` find their memory in the cache. A
    /// million ids take 16 MiB; read one at a time, between rows, each was a cache miss (7.5 % of
    /// a 1M bank CSV parse's samples), and Swift has no prefetch.
    public mutating func lookAhead(_ hashes: UnsafeBufferPointer<UInt64>) {
        touched &+= seen.load(hashes)
    }

    /// What `lookAhead` read, kept so that its loads are not optimized away.
    private var touched: UInt64 = 0

    /// `base` with `~2`, `~3` … when it came before; nil the first time.
    private mutating func repeatedId(_ base: String) -> String? {
        repeatedId(base, hash: Self.hash(of: base))
    }

    private mutating func repeatedId(_ base: String, hash: UInt64) -> String? {
        guard !seen.insert(hash) else { return nil }
        return nextOccurrence(of: base)
    }

    /// `base` with `~2`, `~3` …: its next occurrence (`seen` has it already).
    private mutating func nextOccurrence(of base: String) -> String {
        let occurrence = repeated[base, default: 1] + 1
        repeated[base] = occurrence
        return "\(base)~\(occurrence)"
    }
}

/// A set of 64-bit hashes: open addressing with linear probing, load at most ¾. `Set<UInt64>`
/// hashed each value again with SipHash and cost 2.5–3 % of a camt parse; the values here are
/// hashes already, mixed once to spread their low bits.
struct HashSet64 {
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var count = 0
    /// 0 marks an empty slot, so the value 0 is kept aside.
    private var hasZero = false

    /// Adds `value`; false when it was there already.
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            defer { hasZero = true }
            return !hasZero
        }
        let mask = slots.count - 1
        var position = Self.slot(value) & mask
        while slots[position] != 0 {
            if slots[position] == value { return false }
            position = (position + 1) & mask
        }
        slots[position] = value
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return true
    }

    /// Room for `count` more values within the load factor.
    mutating func reserve(_ count: Int) {
        var size = slots.count
        while (self.count + count) * 4 > size * 3 { size *= 2 }
        if size > slots.count { rehash(into: size) }
    }

    /// The sum of the slots where `values` would go (see `EntryIdentity.lookAhead`).
    func load(_ values: UnsafeBufferPointer<UInt64>) -> UInt64 {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var sum: UInt64 = 0
            for value in values { sum &+= slots[Self.slot(value) & mask] }
            return sum
        }
    }

    private mutating func grow() {
        rehash(into: slots.count * 2)
    }

    private mutating func rehash(into size: Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: size)
        let mask = slots.count - 1
        for value in old where value != 0 {
            var position = Self.slot(value) & mask
            while slots[position] != 0 { position = (position + 1) & mask }
            slots[position] = value
        }
    }

    /// The high bits folded into the low ones (FNV-1a's low bits are its weakest).
    private static func slot(_ value: UInt64) -> Int {
        var mixed = value ^ (value >> 31)
        mixed &*= 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }
}
