#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the payer of a transaction was recognised as a customer.
public enum PayerMethod: String, Sendable, Comparable {
    case iban
    case name
    case similarName = "name~"
    case unknown

    private var rank: Int {
        switch self {
        case .iban: 0
        case .name: 1
        case .similarName: 2
        case .unknown: 3
        }
    }

    public static func < (lhs: PayerMethod, rhs: PayerMethod) -> Bool { lhs.rank < rhs.rank }
}

/// Who paid: the customers the payer maps to, and how.
public struct PayerMatch: Sendable {
    public var customers: [String]
    public var method: PayerMethod

    public static let unknown = PayerMatch(customers: [], method: .unknown)
    public var isAmbiguous: Bool { customers.count > 1 }
}

/// Recognises payers: by IBAN (from the open items' `customer_iban` and the customers file), then by
/// name — normalised and equal, then similar (Jaro-Winkler at least `nameSimilarity`, or a bank's
/// truncation of the customer's name). Similar names are compared within a block of customers whose
/// names start with the same word and whose second word starts with the same letter, and only when
/// their lengths allow the similarity at all, so no transaction scans every customer.
struct PayerIndex: Sendable {
    private var byIban = StringSetMap()
    private var byName = StringSetMap()
    private var byBlock: [String: Block] = [:]
    let similarity: Int

    init(items: [OpenItem], customers: [String: Customer], similarity: Int) {
        self.similarity = similarity
        byIban = StringSetMap(capacity: items.count / 4)
        var names = StringSetMap(capacity: items.count / 4)
        // A customer's items nearly always repeat its IBAN and name (five items a customer in the
        // benchmark): an item that repeats what its customer's last one gave adds nothing, and is
        // passed over before its IBAN is normalised and looked up. What each customer's last item
        // gave is found by the id's hash and compared by bytes: a `[String: …]` of it hashed every
        // item's customer with SipHash, and `==` took the slow path for any name with a letter
        // such as ø. (Kept here, not read from the last item: that was two more cache misses.)
        var customersSeen = PositionTable(capacity: items.count / 4)
        var last: [(customer: String, iban: String?, name: String?)] = []  // by customer, as first seen
        last.reserveCapacity(items.count / 4)
        func same(_ one: String?, _ other: UnsafeBufferPointer<UInt8>?) -> Bool {
            guard let one, let other else { return one == nil && other == nil }
            return one.hasSameUTF8(as: other)
        }
        items.withUnsafeBufferPointer { items in  // fields read in place: `for item in items` copies each item
            for index in items.indices {
                let customer = items[index].customerId
                let hash = PositionTable.hash(customer)
                let known = customersSeen.find(hash: hash, { last[$0].customer.hasSameUTF8(as: customer) })
                // Compared where the item keeps them: the strings are made only for what is new.
                if let known, items[index].withBytes(of: .customerIban, { same(last[known].iban, $0) }),
                   items[index].withBytes(of: .customerName, { same(last[known].name, $0) }) {
                    continue
                }
                let iban = items[index].customerIban, name = items[index].customerName
                if let known {
                    last[known].iban = iban
                    last[known].name = name
                } else {
                    customersSeen.insert(last.count, hash: hash)
                    last.append((customer, iban, name))
                }
                if let iban { byIban.insert(customer, for: Normalization.key(iban)) }
                if let name { names.insert(name, for: customer) }
            }
        }
        for customer in customers.values {
            if let iban = customer.iban { byIban.insert(customer.id, for: Normalization.key(iban)) }
            if let name = customer.name { names.insert(name, for: customer.id) }
        }
        for (customer, variants) in names.all {
            for variant in variants {
                let name = Normalization.name(variant)
                guard !name.isEmpty, byName.insert(customer, for: name) else { continue }
                byBlock[PayerIndex.block(of: name), default: Block()].names.append(Named(name: name, customer: customer))
            }
        }
        for key in byBlock.keys { byBlock[key]!.sort() }
    }

    /// One name of a customer, with its length in Unicode scalars (Jaro-Winkler's unit).
    struct Named: Sendable {
        var name: String
        var customer: String
        var length: Int
        /// Whether `name` is ASCII: then its bytes sort as the string does.
        var isASCII: Bool

        init(name: String, customer: String) {
            self.name = name
            self.customer = customer
            length = Normalization.scalarCount(name)
            isASCII = length == name.utf8.count
        }

        /// By name, then customer — the order of `(name, customer) <`. Two ASCII names are
        /// compared by their bytes, which order them as `String`'s `<` does (its general path
        /// was ~500 instructions a comparison; a block of a 1M customer base sorts hundreds).
        static func precedes(_ a: Named, _ b: Named) -> Bool {
            if a.isASCII && b.isASCII {
                let order = a.name.withUTF8Bytes { left in
                    b.name.withUTF8Bytes { right -> Int in
                        let common = min(left.count, right.count)
                        if common > 0 {
                            let compared = memcmp(left.baseAddress!, right.baseAddress!, common)
                            if compared != 0 { return compared < 0 ? -1 : 1 }
                        }
                        return left.count == right.count ? 0 : left.count < right.count ? -1 : 1
                    }
                }
                return order == 0 ? a.customer < b.customer : order < 0
            }
            return (a.name, a.customer) < (b.name, b.customer)
        }
    }

    /// The names of one block twice: by name, for the names a truncated payer name starts; and by
    /// length, for the names long or short enough to be similar at all. A block of a large customer
    /// base holds thousands of names, and a payer's name is compared with a few of them.
    struct Block: Sendable {
        var names: [Named] = []
        var byLength: [Named] = []

        /// `names` by name and customer; `byLength` by length, then as `names`: the standard
        /// library's sort is stable, so sorting `names` by length alone keeps that order among
        /// names of one length (no comparison of names again).
        mutating func sort() {
            names.sort { Named.precedes($0, $1) }
            byLength = names
            byLength.sort { $0.length < $1.length }
        }

        /// The names that start with `prefix`.
        func starting(with prefix: String) -> ArraySlice<Named> {
            var low = 0, high = names.count
            while low < high {
                let middle = (low + high) / 2
                if names[middle].name < prefix { low = middle + 1 } else { high = middle }
            }
            var end = low
            while end < names.count && names[end].name.hasPrefix(prefix) { end += 1 }
            return names[low..<end]
        }

        /// The names whose length is in `lengths`.
        func lengths(in lengths: ClosedRange<Int>) -> ArraySlice<Named> {
            var low = 0, high = byLength.count
            while low < high {
                let middle = (low + high) / 2
                if byLength[middle].length < lengths.lowerBound { low = middle + 1 } else { high = middle }
            }
            var end = low
            while end < byLength.count && byLength[end].length <= lengths.upperBound { end += 1 }
            return byLength[low..<end]
        }
    }

    /// The lengths a name may have to reach `similarity` with a name of `length` (the bound only
    /// falls as the lengths draw apart, so they form one range). Below 800 any longer name may reach
    /// it: the bound tends to 799 as the other name grows.
    static func similarLengths(to length: Int, similarity: Int) -> ClosedRange<Int> {
        var low = length, high = length
        while low > 0 && similarityBound(length, low - 1) >= similarity { low -= 1 }
        guard similarity >= 800 else { return low...Int.max }
        while similarityBound(length, high + 1) >= similarity { high += 1 }
        return low...high
    }

    /// The first word and the first letter of the second: `fjellrud fisk & skalldyr` → `fjellrud f`.
    static func block(of name: String) -> String {
        if let block = asciiBlock(of: name) { return block }
        let words = name.split(separator: " ", maxSplits: 2)
        guard let first = words.first else { return "" }
        guard words.count > 1, let initial = words[1].first else { return String(first) }
        return first + " " + String(initial)
    }

    /// `block(of:)` of a name of printable ASCII (every normalised name nearly), on its bytes:
    /// splitting it into `Character`s cost ~4,000 instructions a name. nil for any other name.
    static func asciiBlock(of name: String) -> String? {
        name.withUTF8Bytes { bytes -> String? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            let space = UInt8(ascii: " ")
            var position = 0
            while position < bytes.count && bytes[position] == space { position += 1 }
            let start = position
            while position < bytes.count && bytes[position] != space { position += 1 }
            let first = UnsafeBufferPointer(rebasing: bytes[start..<position])
            while position < bytes.count && bytes[position] == space { position += 1 }
            let initial = position < bytes.count ? bytes[position] : nil
            return String(unsafeUninitializedCapacity: first.count + (initial == nil ? 0 : 2)) { buffer in
                _ = buffer.initialize(fromContentsOf: first)
                guard let initial else { return first.count }
                buffer[first.count] = space
                buffer[first.count + 1] = initial
                return first.count + 2
            }
        }
    }

    /// The highest Jaro-Winkler (thousandths) two strings of these lengths could reach: Jaro is at most
    /// (m/|a| + m/|b| + 1)/3 with m ≤ the shorter length, and Winkler adds at most 4 × 0.1 of the rest.
    static func similarityBound(_ a: Int, _ b: Int) -> Int {
        let short = min(a, b), long = max(a, b)
        guard short > 0 else { return long == 0 ? 1000 : 0 }
        let jaro = (1000 + short * 1000 / long + 1000) / 3
        return jaro + 4 * (1000 - jaro) / 10
    }

    /// `name` is asked only when the IBAN does not tell (a transaction makes it a string each time).
    func identify(iban: String?, name: @autoclosure () -> String?) -> PayerMatch {
        if let iban, let customers = byIban[Normalization.key(iban)] {
            return PayerMatch(customers: customers, method: .iban)
        }
        guard let name = name() else { return .unknown }
        let normalized = Normalization.name(name)
        guard !normalized.isEmpty else { return .unknown }
        if let customers = byName[normalized] { return PayerMatch(customers: customers, method: .name) }
        // Banks cut names at 18–35 characters: a long enough payer name that starts a customer's
        // name is that customer's name.
        guard let block = byBlock[PayerIndex.block(of: normalized)] else { return .unknown }
        if normalized.count >= 16 {
            let truncated = Set(block.starting(with: normalized).map(\.customer))
            if !truncated.isEmpty { return PayerMatch(customers: truncated.sorted(), method: .name) }
        }
        var best = 0
        var customers: Set<String> = []
        let length = Normalization.scalarCount(normalized)
        for candidate in block.lengths(in: PayerIndex.similarLengths(to: length, similarity: similarity)) {
            let score = Normalization.jaroWinkler(normalized, candidate.name)
            guard score >= similarity else { continue }
            if score > best {
                best = score
                customers = [candidate.customer]
            } else if score == best {
                customers.insert(candidate.customer)
            }
        }
        return customers.isEmpty ? .unknown : PayerMatch(customers: customers.sorted(), method: .similarName)
    }
}
