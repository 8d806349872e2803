/// Hash indexes from normalised references and invoice numbers, and from customers, to open items.
///
/// - Complexity: built in O(n); a lookup is O(1), a one-edit search O(length × alphabet).
struct ItemIndex: Sendable {
    private var byReference: KeyTable
    private var byInvoiceKey: KeyTable
    private var byNumericCore: KeyTable
    /// Every reference and invoice key, and every number inside an id, for the questions whose
    /// answer is nearly always no (a word of a payment's text, a variant of a mistyped reference).
    private var keyFilter: KeyFilter
    private var coreFilter: KeyFilter
    /// Items by customer, oldest invoice first.
    private(set) var byCustomer: [String: [Int]] = [:]
    /// Whether each item's invoice id is only digits (spaces, dashes and the like aside).
    private var numericIds: [Bool] = []
    /// What the look ahead read while building (kept, so that its loads stay).
    private let lookedAhead: UInt64

    init(_ book: OpenItemBook) {
        let count = book.count
        var byInvoiceKey = KeyTable(capacity: count), byNumericCore = KeyTable(capacity: count)
        var keyFilter = KeyFilter(keys: count * 2), coreFilter = KeyFilter(keys: count)
        var numericIds: [Bool] = []
        numericIds.reserveCapacity(count)
        // The invoice ids here, the references and customers on the other core: the index was the
        // last thing a CSV run's reading waited for, on one core (0.6–0.7 s of a 1M run with the
        // other idle). What each side builds is the same as one loop would, in the same order.
        //
        // The keys of 64 items are made first, and the places they go to in the tables and
        // filters read together (`lookAhead`): one at a time, each of the four was a cache miss.
        var looked: UInt64 = 0
        let (_, others) = concurrently({
            var start = 0
            while start < count {
                let batch = start..<min(start + 64, count)
                // The ids read in place: `book[index]` copies the whole item (a dozen fields
                // retained and released) for each of a million items.
                let keys = batch.map { Normalization.key(book.withItem($0) { $0.invoiceId }) }
                let cores = keys.map(Normalization.numericCore)
                let hashes = keys.map(KeyTable.hash), filterHashes = keys.map { KeyFilter.hash($0.utf8) }
                let coreHashes = cores.map { $0.map(KeyTable.hash) }, coreFilterHashes = cores.map { $0.map { KeyFilter.hash($0.utf8) } }
                looked &+= byInvoiceKey.lookAhead(hashes) &+ keyFilter.lookAhead(filterHashes)
                    &+ byNumericCore.lookAhead(coreHashes.lazy.compactMap { $0 })
                    &+ coreFilter.lookAhead(coreFilterHashes.lazy.compactMap { $0 })
                for (offset, index) in batch.enumerated() {
                    let key = keys[offset]
                    numericIds.append(key.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
                    byInvoiceKey.insert(index, for: key, hash: hashes[offset])
                    keyFilter.insert(filterHashes[offset])
                    if let core = cores[offset], let coreHash = coreHashes[offset], let coreFilterHash = coreFilterHashes[offset] {
                        byNumericCore.insert(index, for: core, hash: coreHash)
                        coreFilter.insert(coreFilterHash)
                    }
                }
                start = batch.upperBound
            }
        }, { Self.referencesAndCustomers(of: book) })
        keyFilter.formUnion(others.referenceFilter)
        self.byInvoiceKey = byInvoiceKey
        self.byNumericCore = byNumericCore
        self.keyFilter = keyFilter
        self.coreFilter = coreFilter
        self.numericIds = numericIds
        byReference = others.byReference
        byCustomer = others.byCustomer
        lookedAhead = looked
    }

    /// The table of printed references that differ from their item's invoice key, a filter of
    /// them, and the items by customer (oldest first; one day's items by invoice id, never by
    /// their order in the file).
    private static func referencesAndCustomers(of book: OpenItemBook)
    -> (byReference: KeyTable, referenceFilter: KeyFilter, byCustomer: [String: [Int]]) {
        var byReference = KeyTable(capacity: book.count)
        var filter = KeyFilter(keys: book.count * 2)
        var byCustomer: [String: [Int]] = [:]
        for index in 0..<book.count {
            let (invoiceId, customerId) = book.withItem(index) { ($0.invoiceId, $0.customerId) }
            func add(_ key: UnsafeBufferPointer<UInt8>) {
                byReference.insert(index, for: key)
                filter.insert(KeyFilter.hash(key))
            }
            // The usual reference (digits, an RF in capitals) is its own key: looked at where the
            // item keeps it, no string made of it (ASCII: its bytes equal the invoice key's exactly
            // when the strings are equal).
            book.withItem(index) { item in
                item.withBytes(of: .reference) { reference in
                    guard let reference, !reference.isEmpty else { return }
                    if reference.allSatisfy(Normalization.isKeyByte) {
                        if !Normalization.key(invoiceId).hasSameUTF8(as: reference) { add(reference) }
                    } else {
                        let key = Normalization.key(String(decoding: reference, as: UTF8.self))
                        if !key.isEmpty && key != Normalization.key(invoiceId) { key.withUTF8Bytes(add) }
                    }
                }
            }
            byCustomer[customerId, default: []].append(index)
        }
        // Sorted in place through `values`: assigning by key while iterating the dictionary copied all of it.
        var position = byCustomer.values.startIndex
        while position != byCustomer.values.endIndex {
            if byCustomer.values[position].count > 1 {
                byCustomer.values[position] = book.sortedByPrecedence(byCustomer.values[position])
            }
            byCustomer.values.formIndex(after: &position)
        }
        return (byReference, filter, byCustomer)
    }

    /// Whether some reference or invoice key may be `key` (false: certainly none is).
    func mayHaveKey(_ key: String) -> Bool { keyFilter.mayContain(KeyFilter.hash(key.utf8)) }

    /// Whether some id may hold the number `core` (false: certainly none does).
    func mayHaveCore(_ core: UnsafeBufferPointer<UInt8>) -> Bool { coreFilter.mayContain(KeyFilter.hash(core)) }

    /// Whether the invoice id of item `index` is a plain number (`20000017`, `2000-0017`).
    func hasNumericId(_ index: Int) -> Bool { numericIds[index] }

    /// Items whose printed reference has this key.
    func items(withReference key: String) -> KeyTable.Hits { byReference.items(key) }

    /// Items whose invoice id has this key.
    func items(withInvoiceKey key: String) -> KeyTable.Hits { byInvoiceKey.items(key) }

    /// Items whose id holds this number (leading zeros stripped).
    func items(withNumericCore core: UnsafeBufferPointer<UInt8>) -> KeyTable.Hits { byNumericCore.items(core) }

    /// Items whose reference or id is one edit (one wrong character, or two neighbours swapped) away
    /// from `key`.
    func itemsOneEditAway(from key: String) -> [Int] {
        // Keys are upper-case ASCII letters and digits (see `Normalization.key`); anything else
        // cannot be one edit from an item's key.
        var variant = Array(key.utf8)
        guard variant.count >= 4, variant.allSatisfy({ $0 < 0x80 }) else { return [] }
        let characters = variant
        let digits = Array("0123456789".utf8)
        let alphabet = characters.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? digits : digits + Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        var found: [Int] = []
        let hash = KeyFilter.hash(characters)
        let weights = KeyFilter.weights(length: characters.count)
        variant.withUnsafeMutableBufferPointer { variant in
            let bytes = UnsafeBufferPointer(variant)
            func check() {
                for index in byReference.items(bytes) where !found.contains(index) { found.append(index) }
                for index in byInvoiceKey.items(bytes) where !found.contains(index) { found.append(index) }
            }
            for position in characters.indices {
                let old = characters[position]
                for replacement in alphabet where replacement != old
                && keyFilter.mayContain(KeyFilter.replacing(hash, weight: weights[position], old: old, new: replacement)) {
                    variant[position] = replacement
                    check()
                }
                variant[position] = old
            }
            for position in characters.indices.dropLast() where characters[position] != characters[position + 1] {
                let swapped = KeyFilter.swapping(hash, first: characters[position], second: characters[position + 1],
                                                 weights: (weights[position], weights[position + 1]))
                guard keyFilter.mayContain(swapped) else { continue }
                variant.swapAt(position, position + 1)
                check()
                variant.swapAt(position, position + 1)
            }
        }
        return found
    }
}
