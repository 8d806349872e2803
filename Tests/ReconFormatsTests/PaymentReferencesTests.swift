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

    /// The bytes a reader checks before it makes a text: exactly the placeholders `meaningful`
    /// drops once trimmed, nothing else.
    @Test func placeholderBytesAreThoseMeaningfulDrops() {
        for text in ["NOTPROVIDED", "NONREF", "NOTPROVIDEDX", "NOTPROVIDE", "NONREF1", "NONRE", "notprovided",
                     "NOT PROVIDED", "", "E2E38C590270143BBFB"] {
            let isPlaceholder = Array(text.utf8).withUnsafeBufferPointer { PaymentReferences.isPlaceholder($0) }
            #expect(isPlaceholder == (PaymentReferences.meaningful(text) == nil && !text.isEmpty), "\(text)")
        }
    }
}
