import Testing
@testable import ReconFormats

@Suite struct PaymentReferencesTests {
    /// What banks write for "no reference" is none, told by its bytes; anything longer, shorter or
    /// otherwise spelled stays, collapsed.
    @Test func placeholdersAreNoReference() {
        for none in [nil, "", "   ", "NOTPROVIDED", " NOTPROVIDED ", "NONREF", "\tNONREF"] as [String?] {
            #expect(PaymentReferences.meaningful(none) == nil, "\(String(describing: none))")
        }
        for kept in ["NOTPROVIDEDX", "NOTPROVIDE", "NONREF1", "NONRE", "notprovided", "E2E 1"] {
            #expect(PaymentReferences.meaningful(kept) == kept)
        }
        #expect(PaymentReferences.meaningful("  E2E   1 ") == "E2E 1")
    }
}
