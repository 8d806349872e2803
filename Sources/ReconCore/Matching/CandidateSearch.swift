/// A set of items that might be what a payment pays, and why.
struct MatchCandidate: Sendable {
    enum Basis: Int, Sendable {
        case named = 0, uniqueAmount, subset, allocation, suggestion
    }

    var items: [Int]
    var basis: Basis
    var criteria: MatchCriteria
    /// Suggestions (a mistyped reference) are shown to a person, never settled automatically.
    var neverAutomatic: Bool { basis == .suggestion }
}

/// Searches a payer's open items for the payment's amount: one item, a subset, or all of them
/// oldest first.
struct CandidateSearch: Sendable {
    let settlement: SettlementPolicy
    let matching: MatchingPolicy

    /// What `amount` is to the items at `items` (those still open) paid on `date`.
    func amountFit(_ amount: Money, items: [Int], book: OpenItemBook, on date: CalendarDate) -> MatchCriteria.Amount {
        let zero = Money.zero(amount.currency)
        var open = zero, target = zero
        for index in items {
            book.withItem(index) { item in
                guard !item.openAmount.isZero else { return }
                open += item.openAmount
                target += item.openAmount - item.availableDiscount(on: date, policy: settlement).amount
            }
        }
        if amount == open { return .exact }
        if amount == target { return .discount }
        if amount < target && target - amount <= settlement.maxUnderpayment.money(in: amount.currency) { return .tolerance }
        if amount > target && amount - target <= settlement.maxOverpayment.money(in: amount.currency) { return .tolerance }
        return amount < target ? .partial : .over
    }

    /// Items of one customer whose open or discounted amount equals `amount`.
    func itemsWithAmount(_ amount: Money, among items: [Int], book: OpenItemBook, on date: CalendarDate) -> [Int] {
        items.filter { index in
            book.withItem(index) { item in
                guard item.currency == amount.currency, item.openAmount.isPositive else { return false }
                if item.openAmount == amount { return true }
                let discount = item.availableDiscount(on: date, policy: settlement).amount
                return !discount.isZero && item.openAmount - discount == amount
            }
        }
    }

    /// Subsets of two to `maxSubsetSize` of the `maxSubsetItems` oldest open items whose open or
    /// discounted amounts add up to `amount`; at most two (enough to know whether one is unique).
    func subsets(summingTo amount: Money, among items: [Int], book: OpenItemBook, on date: CalendarDate) -> [[Int]] {
        let pool = Array(items.lazy.filter { book.currency(of: $0) == amount.currency && book.openAmount(of: $0).isPositive }
            .prefix(matching.maxSubsetItems))
        guard pool.count >= 2 else { return [] }
        let values: [[Int64]] = pool.map { index in
            book.withItem(index) { item in
                let discount = item.availableDiscount(on: date, policy: settlement).amount
                return discount.isZero ? [item.openAmount.minorUnits] : [item.openAmount.minorUnits, (item.openAmount - discount).minorUnits]
            }
        }
        let target = amount.minorUnits
        var found: [[Int]] = []
        var chosen: [Int] = []
        func search(from start: Int, sum: Int64) {
            if found.count >= 2 { return }
            if chosen.count >= 2 && sum == target {
                found.append(chosen.map { pool[$0] })
                return
            }
            guard chosen.count < matching.maxSubsetSize else { return }
            for position in start..<pool.count {
                for value in values[position] where sum + value <= target {
                    chosen.append(position)
                    search(from: position + 1, sum: sum + value)
                    chosen.removeLast()
                    if found.count >= 2 { return }
                }
            }
        }
        search(from: 0, sum: 0)
        // A subset found twice (once with, once without a discount) is one subset.
        var distinct: [[Int]] = []
        for subset in found where !distinct.contains(subset) { distinct.append(subset) }
        return distinct
    }
}
