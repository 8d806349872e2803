import PropertyBased
@testable import ReconCore

/// A random reconciliation: open items (invoices, credit notes, customer credits, partly paid ones,
/// discount tiers) in two currencies of any exponent ISO 4217 has (0, 2, 3, 4 decimals), and bank
/// transactions that name them in every way recon reads — or name nothing, pay in the other
/// currency, pay too little or too much — among pending, reversed and outgoing entries; under a
/// random settlement policy (tolerances, discount rules, rounding).
struct RandomRun {
    /// amount, type (0–1 credit note, 2 credit, else invoice), discount tiers, age in days,
    /// customer, currency (0 first, 1 second), partly paid before (0).
    typealias ItemSeed = (Int, Int, Int, Int, Int, Int, Int)
    /// item named (≥ the item count: none), share of its open amount (61–100 all of it, 101–110 98 %,
    /// 111–130 96–105 %, else that percent), day, how it is named,
    /// status (0 pending, 1 reversal, 2 outgoing, else a receipt), currency (0: the other one).
    typealias PaymentSeed = (Int, Int, Int, Int, Int, Int)
    /// first and second currency, under- and overpayment tolerance (minor units of the first),
    /// policy flags.
    typealias PolicySeed = (Int, Int, Int, Int, Int)

    static let items = zip(Gen.int(in: 1...300_000), Gen.int(in: 0...9), Gen.int(in: 0...4), Gen.int(in: 0...25),
                           Gen.int(in: 0...3), Gen.int(in: 0...1), Gen.int(in: 0...4)).array(of: 1...10)
    static let payments = zip(Gen.int(in: 0...12), Gen.int(in: 1...140), Gen.int(in: 0...40), Gen.int(in: 0...5),
                              Gen.int(in: 0...12), Gen.int(in: 0...6)).array(of: 1...12)
    static let policies = zip(Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.int(in: 0...300), Gen.int(in: 0...300),
                              Gen.int(in: 0...31))

    static let currencies = [Currency.JPY, .EUR, Currency(code: "KWD")!, Currency(code: "CLF")!]
    static let tiers = ["", "2%/5", "2%/5 1%/14", "3%/10", "1.5%/30"]

    var items: [OpenItem] = []
    var transactions: [BankTransaction] = []
    var policy = SettlementPolicy()

    init(_ itemSeeds: [ItemSeed], _ paymentSeeds: [PaymentSeed], _ policySeed: PolicySeed) {
        let pair = [Self.currencies[policySeed.0], Self.currencies[policySeed.1]]
        let start = CalendarDate(iso: "2025-06-01")!
        for (index, seed) in itemSeeds.enumerated() {
            let currency = pair[seed.5]
            let type: OpenItemType = seed.1 < 2 ? .creditNote : seed.1 == 2 ? .credit : .invoice
            let units = Int64(type == .invoice ? seed.0 : -seed.0)
            let amount = Money(minorUnits: units, currency: currency)
            let open = seed.6 == 0 ? Money(minorUnits: units / 3 * 2 == 0 ? units : units / 3 * 2, currency: currency) : amount
            items.append(OpenItem(invoiceId: String(10_100 + index), customerId: "C\(seed.4)", customerName: "Customer \(seed.4)",
                                  type: type, amount: amount, openAmount: open, invoiceDate: start.adding(days: seed.3),
                                  cashDiscount: type == .credit ? [] : DiscountTier.parseTiers(Self.tiers[seed.2])!,
                                  reference: Self.kid(7_000 + index)))
        }
        for (index, seed) in paymentSeeds.enumerated() {
            let named = seed.0 < items.count ? items[seed.0] : nil
            let base = named ?? items[seed.0 % items.count]
            let currency = seed.5 == 0 ? pair[1 - (pair.firstIndex(of: base.currency) ?? 0)] : base.currency
            // Most named payments pay the open amount, some less the discount, a little more or less.
            let percent: Int64 = switch seed.1 {
            case 61...100: 100
            case 101...110: 98
            case 111...130: Int64(96 + (seed.1 - 111) / 2)
            default: Int64(seed.1)
            }
            var units = max(1, Int64(base.openAmount.minorUnits.magnitude) * percent / 100)
            var status = EntryStatus.booked
            var reversal = false
            switch seed.4 {
            case 0: status = .pending
            case 1: reversal = true
            case 2: units = -units
            default: break
            }
            let id = named?.invoiceId ?? "nothing"
            let other = items[(seed.0 + 1) % items.count].invoiceId
            var transaction = BankTransaction(
                bankRef: "B\(index)", account: "NO7215036123459", amount: Money(minorUnits: units, currency: currency),
                bookingDate: base.invoiceDate.adding(days: seed.2 - 2), status: status, isReversal: reversal,
                endToEndId: seed.3 == 5 ? id : nil, structuredRef: seed.3 == 0 ? named?.reference : nil,
                payerName: seed.3 == 4 ? named?.customerName : nil,
                text: seed.3 == 1 ? "invoice \(id)" : seed.3 == 2 ? "\(id) and \(other)" : "",
                origin: SourceLocation(file: "bank", line: index + 2))
            var identity = EntryIdentity()
            identity.assign(&transaction, entryReference: transaction.bankRef, index: 1)
            transactions.append(transaction)
        }
        policy.maxUnderpayment = ConfiguredAmount(tenThousandths: Int64(policySeed.2) * 100)
        policy.maxOverpayment = ConfiguredAmount(tenThousandths: Int64(policySeed.3) * 100)
        policy.discountOnPartialPayments = policySeed.4 & 1 == 0
        policy.discountOnCreditNotes = policySeed.4 & 2 == 0
        policy.cashDiscountAdministration = policySeed.4 & 4 == 0 ? .specific : .unspecific
        policy.rounding = policySeed.4 & 8 == 0 ? .halfUp : .halfEven
        policy.discountDate = policySeed.4 & 16 == 0 ? .booking : .value
    }

    /// A Norwegian KID: the number and its Luhn check digit.
    static func kid(_ number: Int) -> String {
        let digits = String(number).compactMap(\.wholeNumberValue)
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 0 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return String(number) + String((10 - sum % 10) % 10)
    }

    func reconcile(items: [OpenItem]? = nil, transactions: [BankTransaction]? = nil,
                   decisions: [Decision] = []) -> ReconciliationResult {
        Reconciler(policy: policy).reconcile(openItems: items ?? self.items, transactions: transactions ?? self.transactions,
                                             decisions: decisions)
    }
}
