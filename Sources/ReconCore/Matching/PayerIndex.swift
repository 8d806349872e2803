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
/// names start with the same word, so no transaction scans every customer.
struct PayerIndex: Sendable {
    private var byIban: [String: Set<String>] = [:]
    private var byName: [String: Set<String>] = [:]
    private var byFirstWord: [String: [(name: String, customer: String)]] = [:]
    let similarity: Int

    init(items: [OpenItem], customers: [String: Customer], similarity: Int) {
        self.similarity = similarity
        var names: [String: Set<String>] = [:]
        for item in items {
            if let iban = item.customerIban { byIban[Normalization.key(iban), default: []].insert(item.customerId) }
            if let name = item.customerName { names[item.customerId, default: []].insert(name) }
        }
        for customer in customers.values {
            if let iban = customer.iban { byIban[Normalization.key(iban), default: []].insert(customer.id) }
            if let name = customer.name { names[customer.id, default: []].insert(name) }
        }
        for (customer, variants) in names {
            for variant in variants {
                let name = Normalization.name(variant)
                guard !name.isEmpty, byName[name, default: []].insert(customer).inserted else { continue }
                let first = name.prefix { $0 != " " }
                byFirstWord[String(first), default: []].append((name, customer))
            }
        }
        for key in byFirstWord.keys { byFirstWord[key]!.sort { ($0.name, $0.customer) < ($1.name, $1.customer) } }
    }

    func identify(iban: String?, name: String?) -> PayerMatch {
        if let iban, let customers = byIban[Normalization.key(iban)] {
            return PayerMatch(customers: customers.sorted(), method: .iban)
        }
        guard let name else { return .unknown }
        let normalized = Normalization.name(name)
        guard !normalized.isEmpty else { return .unknown }
        if let customers = byName[normalized] { return PayerMatch(customers: customers.sorted(), method: .name) }
        let first = String(normalized.prefix { $0 != " " })
        // Banks cut names at 18–35 characters: a long enough payer name that starts a customer's
        // name is that customer's name.
        let block = byFirstWord[first] ?? []
        if normalized.count >= 16 {
            let truncated = Set(block.filter { $0.name.hasPrefix(normalized) }.map(\.customer))
            if !truncated.isEmpty { return PayerMatch(customers: truncated.sorted(), method: .name) }
        }
        var best = 0
        var customers: Set<String> = []
        for candidate in block {
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
