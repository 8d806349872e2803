#if canImport(Glibc)
import Glibc
#endif

extension BankTransaction {
    /// The texts kept as bytes, one after another in the transaction's box: they describe the
    /// payment and are read a few times at most (for its clues, and to write an exception), so they
    /// are made strings only then. The identifiers (entry id, bank reference, account) stay
    /// strings: settlement copies them into every row and voucher.
    public enum TextField: Int, CaseIterable, Sendable {
        case endToEndId, structuredRef, payerName, payerIban, text

        /// How many there are (`allCases` makes an array each time it is asked).
        static let count = 5
    }

    /// The descriptive texts of one transaction, gathered as bytes before its box is made
    /// (`BankTransaction(…texts:…)`): a reader keeps one and fills it again for each row, so a
    /// row's texts cost one allocation, the box's, instead of one for each text over 15 bytes
    /// (and as many frees when the transaction goes). A class over memory of its own: as an
    /// array, each append checked that the array was unshared (~60 instructions a field).
    public final class TextBytes {
        /// The room: the first `used` bytes are filled.
        private var bytes: UnsafeMutablePointer<UInt8>
        private var capacity = 1024
        private var used = 0
        fileprivate var starts = SIMD8<UInt32>()
        fileprivate var counts = SIMD8<UInt32>()
        fileprivate var present: UInt8 = 0

        public init() {
            bytes = .allocate(capacity: capacity)
        }

        deinit {
            bytes.deallocate()
        }

        /// Every field absent; the room stays.
        public func removeAll() {
            used = 0
            present = 0
        }

        /// `field` set to `value` (an earlier value of it is left unused). The bytes must be UTF-8.
        public func set(_ field: TextField, _ value: UnsafeBufferPointer<UInt8>) {
            starts[field.rawValue] = UInt32(used)
            append(value)
            counts[field.rawValue] = UInt32(value.count)
            present |= 1 << field.rawValue
        }

        /// `field` set to `value`, absent when nil.
        public func set(_ field: TextField, _ value: String?) {
            guard let value else {
                present &= ~(1 << field.rawValue)
                return
            }
            value.withUTF8Bytes { set(field, $0) }
        }

        /// `field` set to what `write` appends (`append`).
        public func set(_ field: TextField, writing write: () -> Void) {
            let start = UInt32(used)
            write()
            starts[field.rawValue] = start
            counts[field.rawValue] = UInt32(used) - start
            present |= 1 << field.rawValue
        }

        /// Adds to the field being written (`set(_:writing:)`).
        public func append(_ value: UnsafeBufferPointer<UInt8>) {
            guard let source = value.baseAddress else { return }
            if used + value.count > capacity {
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * (used + value.count))
                larger.initialize(from: bytes, count: used)
                bytes.deallocate()
                bytes = larger
                capacity = 2 * (used + value.count)
            }
            (bytes + used).initialize(from: source, count: value.count)
            used += value.count
        }

        public func append(_ byte: UInt8) {
            withUnsafePointer(to: byte) { append(UnsafeBufferPointer(start: $0, count: 1)) }
        }

        public func contains(_ field: TextField) -> Bool {
            present & (1 << field.rawValue) != 0
        }

        /// The bytes of `field` (none when it is absent), valid until the next change.
        public func bytes(of field: TextField) -> UnsafeBufferPointer<UInt8> {
            let count = contains(field) ? Int(counts[field.rawValue]) : 0
            return UnsafeBufferPointer(start: bytes + Int(starts[field.rawValue]), count: count)
        }
    }

    /// What a box holds besides the texts' bytes.
    struct TextsHeader {
        var entryId: String
        var bankRef: String?
        var account: String
        var origin: SourceLocation
        /// Where each field's bytes end; a field starts where the one before it ends.
        var ends: SIMD8<UInt32>
        /// Which of the fields are there (bit `rawValue`): an absent one and an empty one differ.
        var present: UInt8
    }

    /// The texts of a transaction in one allocation: the header's strings, then the fields' bytes.
    /// Changed only while one transaction holds it (`uniqueTexts()`), so sharing it between
    /// threads is as safe as sharing an array's storage.
    final class Texts: ManagedBuffer<TextsHeader, UInt8> {
        /// A box of the strings and the fields of `texts`; the text is there always, empty when
        /// the reader had none.
        static func make(entryId: String, bankRef: String?, account: String, origin: SourceLocation,
                         texts: TextBytes) -> Texts {
            var ends = SIMD8<UInt32>()
            var end: UInt32 = 0
            for index in 0..<TextField.count {
                if texts.present & (1 << index) != 0 { end += texts.counts[index] }
                ends[index] = end
            }
            let box = unsafeDowncast(create(minimumCapacity: Int(end)) { _ in
                TextsHeader(entryId: entryId, bankRef: bankRef, account: account, origin: origin,
                            ends: ends, present: texts.present | 1 << TextField.text.rawValue)
            }, to: Texts.self)
            box.withUnsafeMutablePointerToElements { target in
                var offset = 0
                for index in 0..<TextField.count where texts.present & (1 << index) != 0 {
                    let field = texts.bytes(of: TextField(rawValue: index)!)
                    if let source = field.baseAddress { (target + offset).initialize(from: source, count: field.count) }
                    offset += field.count
                }
            }
            return box
        }

        /// A box of the given strings (readers that have them as strings, tests, the workspace).
        static func make(entryId: String, bankRef: String?, account: String, origin: SourceLocation,
                         endToEndId: String?, structuredRef: String?, payerName: String?, payerIban: String?,
                         text: String) -> Texts {
            func value(_ field: TextField) -> String? {
                switch field {
                case .endToEndId: endToEndId
                case .structuredRef: structuredRef
                case .payerName: payerName
                case .payerIban: payerIban
                case .text: text
                }
            }
            var present: UInt8 = 0
            var ends = SIMD8<UInt32>()
            var end = 0
            for index in 0..<TextField.count {
                if let value = value(TextField(rawValue: index)!) {
                    present |= 1 << index
                    end += value.utf8.count
                }
                ends[index] = UInt32(end)
            }
            let box = unsafeDowncast(create(minimumCapacity: end) { _ in
                TextsHeader(entryId: entryId, bankRef: bankRef, account: account, origin: origin,
                            ends: ends, present: present)
            }, to: Texts.self)
            box.withUnsafeMutablePointerToElements { target in
                var offset = 0
                for index in 0..<TextField.count {
                    value(TextField(rawValue: index)!)?.withUTF8Bytes { bytes in
                        if let source = bytes.baseAddress { (target + offset).initialize(from: source, count: bytes.count) }
                        offset += bytes.count
                    }
                }
            }
            return box
        }

        /// `body` on the bytes of `field`; nil when it is absent.
        func withBytes<R>(of field: TextField, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
            try withUnsafeMutablePointers { header, elements in
                let index = field.rawValue
                guard header.pointee.present & (1 << index) != 0 else { return try body(nil) }
                let start = index == 0 ? 0 : Int(header.pointee.ends[index - 1])
                return try body(UnsafeBufferPointer(start: elements + start, count: Int(header.pointee.ends[index]) - start))
            }
        }

        func string(_ field: TextField) -> String? {
            withBytes(of: field) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
        }

        /// The same box with `field` changed.
        func replacing(_ field: TextField, with value: String?) -> Texts {
            func text(_ other: TextField) -> String? { other == field ? value : string(other) }
            return Texts.make(entryId: header.entryId, bankRef: header.bankRef, account: header.account,
                              origin: header.origin, endToEndId: text(.endToEndId), structuredRef: text(.structuredRef),
                              payerName: text(.payerName), payerIban: text(.payerIban), text: text(.text) ?? "")
        }

        func copy() -> Texts {
            let count = Int(header.ends[TextField.count - 1])
            let box = unsafeDowncast(Texts.create(minimumCapacity: count) { _ in header }, to: Texts.self)
            box.withUnsafeMutablePointerToElements { target in
                withUnsafeMutablePointerToElements { source in target.initialize(from: source, count: count) }
            }
            return box
        }

        /// Whether `field` holds the same bytes in both (or is absent from both).
        func hasSame(_ field: TextField, as other: Texts) -> Bool {
            withBytes(of: field) { mine in
                other.withBytes(of: field) { theirs in
                    guard let mine, let theirs else { return mine == nil && theirs == nil }
                    return mine.count == theirs.count
                        && (mine.isEmpty || memcmp(mine.baseAddress!, theirs.baseAddress!, mine.count) == 0)
                }
            }
        }

        func hasSameTexts(as other: Texts) -> Bool {
            header.entryId == other.header.entryId && header.bankRef == other.header.bankRef
                && header.account == other.header.account && header.origin == other.header.origin
                && TextField.allCases.allSatisfy { hasSame($0, as: other) }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(header.entryId)
            hasher.combine(header.bankRef)
            hasher.combine(header.account)
            for field in TextField.allCases {
                withBytes(of: field) { bytes in
                    guard let bytes else { return hasher.combine(false) }
                    hasher.combine(true)
                    hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
                }
            }
            hasher.combine(header.origin)
        }
    }
}
