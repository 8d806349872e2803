extension BankTransaction {
    /// The texts kept as bytes, one after another in the transaction's box: they describe the
    /// payment and are read a few times at most (for its clues, and to write an exception), so they
    /// are made strings only then. The identifiers (bank reference, account) stay strings:
    /// settlement copies them into every row and voucher; the entry id may be kept as the parts
    /// it is made of (`entryIdIndex`).
    public enum TextField: Int, CaseIterable, Sendable {
        case endToEndId, structuredRef, payerName, payerIban, text

        /// How many there are (`allCases` makes an array each time it is asked).
        static let count = 5
    }

    /// What a transaction's box holds before the texts' bytes.
    struct TextsHeader: TextBoxHeader {
        var entryId: String
        /// Not 0: the entry id is `EntryIdentity.base(account:reference:index:)` of `account`,
        /// `bankRef` and this index, made a string when read (`entryId` is then empty).
        var entryIdIndex = 0
        var bankRef: String?
        var account: String
        var origin: SourceLocation
        var ends = TextEnds()
        var present: UInt8 = 0
    }

    typealias Texts = TextBox<TextsHeader>
}

extension TextBytes {
    /// `field` set to `value` (an earlier value of it is left unused). The bytes must be UTF-8.
    @inlinable
    public func set(_ field: BankTransaction.TextField, _ value: UnsafeBufferPointer<UInt8>) {
        set(slot: field.rawValue, value)
    }

    /// `field` set to `value`, absent when nil.
    @inlinable
    public func set(_ field: BankTransaction.TextField, _ value: String?) {
        set(slot: field.rawValue, value)
    }

    /// `field` set to what `write` appends (`append`).
    @inlinable
    public func set(_ field: BankTransaction.TextField, writing write: () -> Void) {
        set(slot: field.rawValue, writing: write)
    }

    /// The bytes of `field` (none when it is absent), valid until the next change.
    @inlinable
    public func bytes(of field: BankTransaction.TextField) -> UnsafeBufferPointer<UInt8> {
        bytes(slot: field.rawValue)
    }
}
