/// The named criteria a candidate is scored on, and its 0–100 score.
///
/// Points (documented in docs/matching.md): reference — printed reference or invoice id in a
/// structured field 60, EndToEndId 50, reference in the text 50, invoice id in the text 40, by a
/// configured pattern 40, only the number of an alphanumeric id 25, one edit away 10 (never enough
/// alone), a reference that names nothing and does not resemble the candidate −20; payer — IBAN 30, name 25, similar name 15, unknown 0, another customer −50; amount —
/// exact or discounted 25, the only such amount among the payer's items or the only subset 35,
/// oldest-first allocation 35, within tolerance 20, partial or over 5; date — on or after the
/// invoice date (a week of slack) 5, earlier −20.
public struct MatchCriteria: Sendable, Hashable, CustomStringConvertible {
    public enum Reference: Sendable, Hashable {
        case named(ReferenceSource, ReferenceCheck?)
        case suggested
        /// The payment carries a reference that names no open item and does not resemble this one.
        case contradicted
        case none
    }

    public enum Payer: Sendable, Hashable {
        case matched(PayerMethod)
        case other([String])
        case unknown
    }

    public enum Amount: String, Sendable {
        case exact, discount, sum, allocated, tolerance, partial, over
    }

    public var reference: Reference
    public var payer: Payer
    public var amount: Amount
    /// The only item (or subset) of the payer with that amount.
    public var isUniqueAmount: Bool
    public var isDatePlausible: Bool

    public var score: Int {
        var points = 0
        switch reference {
        case .named(let source, _):
            switch source {
            case .reference, .invoiceId: points += 60
            case .endToEnd, .textReference: points += 50
            case .text, .pattern: points += 40
            case .textNumber: points += 25
            }
        case .suggested: points += 10
        case .contradicted: points -= 20
        case .none: break
        }
        switch payer {
        case .matched(.iban): points += 30
        case .matched(.name): points += 25
        case .matched(.similarName): points += 15
        case .matched(.unknown), .unknown: break
        case .other: points -= 50
        }
        switch amount {
        case .exact, .discount, .sum: points += isUniqueAmount ? 35 : 25
        case .allocated: points += 35
        case .tolerance: points += 20
        case .partial, .over: points += 5
        }
        points += isDatePlausible ? 5 : -20
        return min(100, max(0, points))
    }

    /// `ref=KID-valid payer=iban amount=exact date=ok`.
    public var description: String {
        let ref: String
        switch reference {
        case .named(let source, let check):
            switch source {
            case .reference: ref = check.map { $0.kind == .plain ? "reference" : $0.description } ?? "reference"
            case .invoiceId: ref = "invoice-id"
            case .endToEnd: ref = "e2e"
            case .textReference: ref = "text-reference"
            case .text: ref = "text"
            case .pattern: ref = "pattern"
            case .textNumber: ref = "text-number"
            }
        case .suggested: ref = "one-edit"
        case .contradicted: ref = "other-reference"
        case .none: ref = "none"
        }
        let payer: String
        switch self.payer {
        case .matched(let method): payer = method.rawValue
        case .other: payer = "other-customer"
        case .unknown: payer = "unknown"
        }
        let amount = isUniqueAmount && [.exact, .discount, .sum].contains(self.amount) ? self.amount.rawValue + "-unique" : self.amount.rawValue
        return "ref=\(ref) payer=\(payer) amount=\(amount) date=\(isDatePlausible ? "ok" : "early")"
    }
}

extension MatchCriteria {
    /// A number for everything `description` and `score` show: equal keys, equal texts. Every field
    /// counts except the customers of `.other`, which neither shows.
    var textKey: Int {
        var key = 0
        func add(_ value: Int, below radix: Int) {
            key = key * radix + value
        }
        // Every case adds the same digits (the source and check of the others zero): digits added
        // for some cases only would let two cases meet on one number.
        var (source, check): (ReferenceSource?, ReferenceCheck?) = (nil, nil)
        switch reference {
        case .named(let named, let namedCheck):
            add(0, below: 4)
            (source, check) = (named, namedCheck)
        case .suggested: add(1, below: 4)
        case .contradicted: add(2, below: 4)
        case .none: add(3, below: 4)
        }
        add(source.map { $0.rawValue + 1 } ?? 0, below: 16)
        add(check.map { Self.number(of: $0.kind) + 1 } ?? 0, below: 16)
        add(check?.isValid.map { $0 ? 1 : 2 } ?? 0, below: 3)
        switch payer {
        case .matched(let method): add(Self.number(of: method), below: 8)
        case .other: add(4, below: 8)
        case .unknown: add(5, below: 8)
        }
        add(Self.number(of: amount), below: 8)
        add(isUniqueAmount ? 1 : 0, below: 2)
        add(isDatePlausible ? 1 : 0, below: 2)
        return key
    }

    private static func number(of kind: ReferenceCheck.Kind) -> Int {
        switch kind {
        case .rf: 0
        case .kid: 1
        case .finnish: 2
        case .belgian: 3
        case .swissQR: 4
        case .plain: 5
        }
    }

    private static func number(of method: PayerMethod) -> Int {
        switch method {
        case .iban: 0
        case .name: 1
        case .similarName: 2
        case .unknown: 3
        }
    }

    private static func number(of amount: Amount) -> Int {
        switch amount {
        case .exact: 0
        case .discount: 1
        case .sum: 2
        case .allocated: 3
        case .tolerance: 4
        case .partial: 5
        case .over: 6
        }
    }
}
