import ReconFormats
import Testing
@testable import ReconWorkspace

/// The recon.toml that `recon init` writes documents the real defaults.
struct ConfigTemplateTests {
    @Test func theTemplateReadsBackAsTheBuiltInDefaults() throws {
        let config = try ConfigReader.parse(ConfigTemplate.text, path: "recon.toml")
        #expect(config == ReconConfig())
    }

    @Test func everyKeyOfEveryTableIsThere() {
        for key in ["bank", "receivable", "cash_discount", "over_underpayment", "refund_payable", "suspense",
                    "discount_on_partial_payments", "discount_on_credit_notes", "cash_discount_administration",
                    "max_underpayment", "max_overpayment", "minimum_refund", "discount_date", "rounding",
                    "auto_threshold", "allocate_by_customer", "invoice_patterns", "name_similarity",
                    "max_subset_items", "max_subset_size"] {
            #expect(ConfigTemplate.text.contains("\n\(key) = "), "\(key) missing")
        }
    }
}
