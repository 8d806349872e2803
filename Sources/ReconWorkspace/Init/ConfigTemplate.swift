/// The `recon.toml` that `recon init` writes: every key with its documented default and a word on
/// what it does (docs/inputs.md, settlement.md, matching.md). A test reads it back and checks that
/// it equals recon's built-in defaults.
enum ConfigTemplate {
    static let text = """
        # recon workspace configuration. Every key is optional: the values below are recon's defaults.
        # Amounts are strings ("0.05"), never TOML floats. See docs/inputs.md, docs/settlement.md and
        # docs/matching.md.

        [accounts]                          # ledger accounts the journal posts to
        bank = "1920"                       # bank deposits
        receivable = "1500"                 # accounts receivable
        cash_discount = "3080"              # cash discounts granted
        over_underpayment = "7790"          # small differences written off
        refund_payable = "2400"             # refunds owed to customers
        suspense = "2990"                   # payments waiting for a decision

        [settlement]                        # the settlement rules (Dynamics 365)
        discount_on_partial_payments = true # cash discount on partial payments too
        discount_on_credit_notes = true     # credit notes settle net of their own discount
        cash_discount_administration = "specific"  # or "unspecific": what an overpaid discounted item does
        max_underpayment = "0.00"           # written off automatically, in the payment's currency
        max_overpayment = "0.00"            # absorbed automatically
        minimum_refund = "0.00"             # smallest credit balance `recon refund` pays back
        discount_date = "booking"           # or "value": which bank date meets a discount period
        rounding = "half-up"                # or "half-even"

        [matching]                          # how payments find their invoices
        auto_threshold = 70                 # candidates scoring at least this (0-100) settle automatically
        allocate_by_customer = true         # an identified payer's payment settles their items oldest first
        invoice_patterns = []               # extra regular expressions for invoice numbers in text
        name_similarity = 930               # Jaro-Winkler similarity (thousandths) for "similar" payer names
        max_subset_items = 12               # the subset-sum search looks at the payer's 12 oldest items
        max_subset_size = 4                 # and at sets of at most 4

        """
}
