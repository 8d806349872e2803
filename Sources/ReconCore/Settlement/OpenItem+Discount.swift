public extension OpenItem {
    /// The best tier whose period is met on `date` (`date ≤ invoice_date + days`), if any.
    func discountTier(on date: CalendarDate) -> DiscountTier? {
        var best: DiscountTier?
        for tier in cashDiscount where date <= invoiceDate.adding(days: tier.days) {
            if best == nil || tier.rate > best!.rate { best = tier }
        }
        return best
    }

    /// The cash discount this item can still get for a payment on `date`: the best tier's rate on
    /// what is open, but never more than that rate on the original amount minus what earlier
    /// payments already took. Same sign as the item; zero when no tier is met or the policy
    /// excludes the item (credit notes when disabled, customer credits always).
    func availableDiscount(on date: CalendarDate, policy: SettlementPolicy) -> (rate: Rate?, amount: Money) {
        let zero = Money.zero(currency)
        switch type {
        case .credit: return (nil, zero)
        case .creditNote where !policy.discountOnCreditNotes: return (nil, zero)
        default: break
        }
        guard let tier = discountTier(on: date), !openAmount.isZero else { return (nil, zero) }
        let onOpen = openAmount.magnitude.multiplied(by: tier.rate, rounding: policy.rounding)
        let cap = amount.magnitude.multiplied(by: tier.rate, rounding: policy.rounding) - discountTaken.magnitude
        var available = min(onOpen, cap)
        if available.isNegative { available = zero }
        return (tier.rate, openAmount.isNegative ? -available : available)
    }
}
