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
    private var byBlock: [String: [(name: String, customer: String)]] = [:]
    let similarity: Int

    init(items: [OpenItem], customers: [String: Customer], similarity: Int) {
        self.similarity = similarity
        byIban = StringSetMap(capacity: items.count / 4)
        var names = StringSetMap(capacity: items.count / 4)
        for item in items {
            if let iban = item.customerIban { byIban.insert(item.customerId, for: Normalization.key(iban)) }
            if let name = item.customerName { names.insert(name, for: item.customerId) }
        }
        for customer in customers.values {
            if let iban = customer.iban { byIban.insert(customer.id, for: Normalization.key(iban)) }
            if let name = customer.name { names.insert(name, for: customer.id) }
        }
        for (customer, variants) in names.all {
            for variant in variants {
                let name = Normalization.name(variant)
                guard !name.isEmpty, byName.insert(customer, for: name) else { continue }
                byBlock[PayerIndex.block(of: name), default: []].append((name, customer))
            }
        }
        for key in byBlock.keys { byBlock[key]!.sort { ($0.name, $0.customer) < ($1.name, $1.customer) } }
    }

    /// The first word and the first letter of the second: `fjellrud fisk & skalldyr` → `fjellrud f`.
    static func block(of name: String) -> String {
        let words = name.split(separator: " ", maxSplits: 2)
        guard let first = words.first else { return "" }
        guard words.count > 1, let initial = words[1].first else { return String(first) }
        return first + " " + String(initial)
    }

    /// The highest Jaro-Winkler (thousandths) two strings of these lengths could reach: Jaro is at most
    /// (m/|a| + m/|b| + 1)/3 with m ≤ the shorter length, and Winkler adds at most 4 × 0.1 of the rest.
    static func similarityBound(_ a: Int, _ b: Int) -> Int {
        let short = min(a, b), long = max(a, b)
        guard short > 0 else { return long == 0 ? 1000 : 0 }
        let jaro = (1000 + short * 1000 / long + 1000) / 3
        return jaro + 4 * (1000 - jaro) / 10
    }

    func identify(iban: String?, name: String?) -> PayerMatch {
        if let iban, let customers = byIban[Normalization.key(iban)] {
            return PayerMatch(customers: customers, method: .iban)
        }
        guard let name else { return .unknown }
        let normalized = Normalization.name(name)
        guard !normalized.isEmpty else { return .unknown }
        if let customers = byName[normalized] { return PayerMatch(customers: customers, method: .name) }
        // Banks cut names at 18–35 characters: a long enough payer name that starts a customer's
        // name is that customer's name.
        let block = byBlock[PayerIndex.block(of: normalized)] ?? []
        if normalized.count >= 16 {
            let truncated = Set(block.filter { $0.name.hasPrefix(normalized) }.map(\.customer))
            if !truncated.isEmpty { return PayerMatch(customers: truncated.sorted(), method: .name) }
        }
        var best = 0
        var customers: Set<String> = []
        let length = normalized.unicodeScalars.count
        for candidate in block where PayerIndex.similarityBound(length, candidate.name.unicodeScalars.count) >= similarity {
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
