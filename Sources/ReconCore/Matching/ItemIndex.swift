/// Hash indexes from normalised references and invoice numbers, and from customers, to open items.
///
/// - Complexity: built in O(n); a lookup is O(1), a one-edit search O(length × alphabet).
struct ItemIndex: Sendable {
    private var byReference: MultiMap<String>
    private var byInvoiceKey: MultiMap<String>
    private var byNumericCore: MultiMap<String>
    /// FNV-1a hashes of every reference and invoice key: a one-edit variant is looked up (as a
    /// String) only when its hash is known, which spares ~150 lookups per mistyped reference.
    private var keyHashes: Set<UInt64> = []
    /// FNV-1a hashes of the numbers inside ids, the same way.
    private var coreHashes: Set<UInt64> = []
    /// Items by customer, oldest invoice first.
    private(set) var byCustomer: [String: [Int]] = [:]

    init(_ book: OpenItemBook) {
        byInvoiceKey = MultiMap(capacity: book.count)
        byReference = MultiMap(capacity: book.count)
        byNumericCore = MultiMap(capacity: book.count)
        keyHashes.reserveCapacity(book.count * 2)
        for (index, item) in book.items.enumerated() {
            let key = Normalization.key(item.invoiceId)
            byInvoiceKey.insert(index, for: key)
            keyHashes.insert(ItemIndex.hash(key.utf8))
            if let core = Normalization.numericCore(key) {
                byNumericCore.insert(index, for: core)
                coreHashes.insert(ItemIndex.hash(core.utf8))
            }
            if let reference = item.reference {
                let referenceKey = Normalization.key(reference)
                if !referenceKey.isEmpty && referenceKey != key {
                    byReference.insert(index, for: referenceKey)
                    keyHashes.insert(ItemIndex.hash(referenceKey.utf8))
                }
            }
            byCustomer[item.customerId, default: []].append(index)
        }
        for (customer, items) in byCustomer {
            // Oldest first; one day's items by invoice id, never by their order in the file.
            byCustomer[customer] = items.sorted {
                (book[$0].invoiceDate, book[$0].invoiceId, $0) < (book[$1].invoiceDate, book[$1].invoiceId, $1)
            }
        }
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Whether some reference or invoice key may be `key` (false: certainly none is).
    func mayHaveKey(_ key: String) -> Bool { keyHashes.contains(ItemIndex.hash(key.utf8)) }

    /// Whether some id may hold the number `core` (false: certainly none does).
    func mayHaveCore(_ core: some Sequence<UInt8>) -> Bool { coreHashes.contains(ItemIndex.hash(core)) }

    /// Items whose printed reference has this key.
    func items(withReference key: String) -> [Int] { byReference[key] }

    /// Items whose invoice id has this key.
    func items(withInvoiceKey key: String) -> [Int] { byInvoiceKey[key] }

    /// Items whose id holds this number (leading zeros stripped).
    func items(withNumericCore core: String) -> [Int] { byNumericCore[core] }

    /// Items whose reference or id is one edit (one wrong character, or two neighbours swapped) away
    /// from `key`.
    func itemsOneEditAway(from key: String) -> [Int] {
        // Keys are upper-case ASCII letters and digits (see `Normalization.key`); anything else
        // cannot be one edit from an item's key.
        let characters = Array(key.utf8)
        guard characters.count >= 4, characters.allSatisfy({ $0 < 0x80 }) else { return [] }
        let digits = Array("0123456789".utf8)
        let alphabet = characters.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? digits : digits + Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        var found: [Int] = []
        func check(_ variant: [UInt8]) {
            guard keyHashes.contains(ItemIndex.hash(variant)) else { return }
            let candidate = String(decoding: variant, as: UTF8.self)
            for index in byReference[candidate] + byInvoiceKey[candidate] where !found.contains(index) {
                found.append(index)
            }
        }
        var variant = characters
        for position in characters.indices {
            for replacement in alphabet where replacement != characters[position] {
                variant[position] = replacement
                check(variant)
            }
            variant[position] = characters[position]
        }
        for position in characters.indices.dropLast() where characters[position] != characters[position + 1] {
            variant.swapAt(position, position + 1)
            check(variant)
            variant.swapAt(position, position + 1)
        }
        return found
    }
}
