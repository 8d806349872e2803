/// Texts of one record gathered as bytes before its box is made (`TextBox`): a reader keeps one
/// and fills it again for each row, so a row's texts cost one allocation, the box's, instead of one
/// for each text over 15 bytes (and as many frees when the record goes). Up to eight texts, by
/// slot; a class over memory of its own (as an array, each append checked that the array was
/// unshared, ~60 instructions a field). The typed setters are in the records' files.
public final class TextBytes {
    // Inlinable, as the readers call these for every field they keep (a call and its
    // exclusivity checks were most of the ~65 instructions a field).
    /// The room: the first `used` bytes are filled.
    @usableFromInline var bytes: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity = 1024
    @usableFromInline var used = 0
    @usableFromInline var starts = SIMD8<UInt32>()
    @usableFromInline var counts = SIMD8<UInt32>()
    /// Which slots are set (bit `slot`): an absent text and an empty one differ.
    @usableFromInline var present: UInt8 = 0

    public init() {
        bytes = .allocate(capacity: capacity)
    }

    deinit {
        bytes.deallocate()
    }

    /// Every text absent; the room stays.
    @inlinable
    public func removeAll() {
        used = 0
        present = 0
    }

    /// Adds to the text being written (`set(slot:writing:)`).
    @inlinable
    public func append(_ value: UnsafeBufferPointer<UInt8>) {
        guard let source = value.baseAddress else { return }
        if used + value.count > capacity { grow(toHold: value.count) }
        (bytes + used).initialize(from: source, count: value.count)
        used += value.count
    }

    @usableFromInline
    func grow(toHold count: Int) {
        capacity = 2 * (used + count)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: bytes, count: used)
        bytes.deallocate()
        bytes = larger
    }

    @inlinable
    public func append(_ byte: UInt8) {
        withUnsafePointer(to: byte) { append(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Slot `slot` set to what `write` appends (an earlier value of it is left unused). UTF-8.
    @inlinable
    func set(slot: Int, writing write: () -> Void) {
        let start = UInt32(used)
        write()
        starts[slot] = start
        counts[slot] = UInt32(used) - start
        present |= 1 << slot
    }

    @inlinable
    func set(slot: Int, _ value: UnsafeBufferPointer<UInt8>) {
        starts[slot] = UInt32(used)
        counts[slot] = UInt32(value.count)
        present |= 1 << slot
        append(value)
    }

    /// Slot `slot` set to `value`, absent when nil.
    @inlinable
    func set(slot: Int, _ value: String?) {
        guard let value else {
            present &= ~(1 << slot)
            return
        }
        value.withUTF8Bytes { set(slot: slot, $0) }
    }

    /// The bytes of slot `slot` (none when it is absent), valid until the next change.
    @inlinable
    func bytes(slot: Int) -> UnsafeBufferPointer<UInt8> {
        let count = present & (1 << slot) != 0 ? Int(counts[slot]) : 0
        return UnsafeBufferPointer(start: bytes + Int(starts[slot]), count: count)
    }
}

/// Where each of a box's texts ends (up to eight; a text starts where the one before it ends).
/// Eight `UInt32`s aligned as one: as a `SIMD8<UInt32>`, aligned to 16 bytes, it made every box an
/// aligned allocation in Swift's runtime here — `posix_memalign`, ~125 instructions against
/// `malloc`'s ~60 — freed on mimalloc's slower path for aligned blocks, for each item and
/// transaction read.
struct TextEnds: Sendable {
    private var storage: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)

    subscript(slot: Int) -> UInt32 {
        get {
            precondition(slot >= 0 && slot < 8, "text slot out of range")
            return withUnsafeBytes(of: storage) { $0.load(fromByteOffset: slot * 4, as: UInt32.self) }
        }
        set {
            precondition(slot >= 0 && slot < 8, "text slot out of range")
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: newValue, toByteOffset: slot * 4, as: UInt32.self) }
        }
    }

    /// Where the last text ends: the bytes the texts take.
    var total: UInt32 { (0..<8).reduce(0) { Swift.max($0, self[$1]) } }
}

/// What a record's box holds before its texts' bytes: its strings and values, and where each text
/// ends.
protocol TextBoxHeader {
    var ends: TextEnds { get set }
    /// Which texts are there (bit `slot`).
    var present: UInt8 { get set }
}

/// A record's strings (in its header) and `count` texts as bytes, in one allocation; a text is made
/// a string when read. Changed only while one record holds it (copied on write first), so sharing
/// it between threads is as safe as sharing an array's storage.
final class TextBox<Header: TextBoxHeader>: ManagedBuffer<Header, UInt8> {
    /// A box of the header `header` makes and the texts of `texts`, the slots of `always` there
    /// even when not set. (The header is made in here, not passed: each copy of it counted a
    /// reference to each of its strings, ~200 instructions a row.)
    static func make(count: Int, texts: TextBytes, always: UInt8 = 0, header: () -> Header) -> TextBox {
        var ends = TextEnds()
        var end: UInt32 = 0
        for slot in 0..<count {
            end += UInt32(texts.bytes(slot: slot).count)
            ends[slot] = end
        }
        let box = make(ends: ends, size: Int(end), present: texts.present | always, header: header)
        box.withUnsafeMutablePointerToElements { target in
            var offset = 0
            for slot in 0..<count {
                let text = texts.bytes(slot: slot)
                if let source = text.baseAddress, !text.isEmpty { (target + offset).initialize(from: source, count: text.count) }
                offset += text.count
            }
        }
        return box
    }

    /// A box of the header `header` makes and the strings `text` gives for slots 0..<count
    /// (readers that have strings, tests, the workspace).
    static func make(count: Int, text: (Int) -> String?, header: () -> Header) -> TextBox {
        var ends = TextEnds()
        var present: UInt8 = 0
        var end = 0
        for slot in 0..<count {
            if let value = text(slot) {
                present |= 1 << slot
                end += value.utf8.count
            }
            ends[slot] = UInt32(end)
        }
        let box = make(ends: ends, size: end, present: present, header: header)
        box.withUnsafeMutablePointerToElements { target in
            var offset = 0
            for slot in 0..<count {
                text(slot)?.withUTF8Bytes { bytes in
                    if let source = bytes.baseAddress { (target + offset).initialize(from: source, count: bytes.count) }
                    offset += bytes.count
                }
            }
        }
        return box
    }

    /// A box with room for the `size` bytes of the texts `ends` places, its header made by
    /// `header` (the texts' bytes are the caller's to put in).
    private static func make(ends: TextEnds, size: Int, present: UInt8, header: () -> Header) -> TextBox {
        return unsafeDowncast(create(minimumCapacity: size) { _ in
            var made = header()
            made.ends = ends
            made.present = present
            return made
        }, to: TextBox.self)
    }

    /// `body` on the bytes of text `slot`; nil when it is absent.
    func withBytes<R>(slot: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        try withUnsafeMutablePointers { header, elements in
            guard header.pointee.present & (1 << slot) != 0 else { return try body(nil) }
            let start = slot == 0 ? 0 : Int(header.pointee.ends[slot - 1])
            return try body(UnsafeBufferPointer(start: elements + start, count: Int(header.pointee.ends[slot]) - start))
        }
    }

    func string(slot: Int) -> String? {
        withBytes(slot: slot) { bytes in bytes.map { String(validUTF8: $0) } }
    }

    /// The same box with text `slot` of `count` changed.
    func replacing(slot: Int, count: Int, with value: String?) -> TextBox {
        TextBox.make(count: count, text: { $0 == slot ? value : string(slot: $0) }, header: { header })
    }

    func copy() -> TextBox {
        let size = Int(header.ends.total)
        let box = unsafeDowncast(TextBox.create(minimumCapacity: size) { _ in header }, to: TextBox.self)
        box.withUnsafeMutablePointerToElements { target in
            withUnsafeMutablePointerToElements { source in target.initialize(from: source, count: size) }
        }
        return box
    }

    /// Whether text `slot` holds the same bytes in both (or is absent from both).
    func hasSame(slot: Int, as other: TextBox) -> Bool {
        withBytes(slot: slot) { mine in
            other.withBytes(slot: slot) { theirs in
                guard let mine, let theirs else { return mine == nil && theirs == nil }
                return mine.hasSameBytes(as: theirs)
            }
        }
    }

    /// Whether the first `count` texts are the same in both.
    func hasSameTexts(as other: TextBox, count: Int) -> Bool {
        (0..<count).allSatisfy { hasSame(slot: $0, as: other) }
    }

    /// Adds the first `count` texts to `hasher`.
    func hashTexts(into hasher: inout Hasher, count: Int) {
        for slot in 0..<count {
            withBytes(slot: slot) { bytes in
                guard let bytes else { return hasher.combine(false) }
                hasher.combine(true)
                hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            }
        }
    }
}
