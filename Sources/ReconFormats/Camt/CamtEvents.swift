import Dispatch
import ReconCore
import Synchronization

/// What the camt scanner hands the camt reader: the elements recon acts on, in file order, with
/// their place in the tree and in the file. Plain bytes, so that the scanner's thread makes no
/// object a record is built from (strings made on one thread and freed on another cost both).
struct CamtEvent {
    enum Kind: UInt8 {
        /// A camt `Document` element; the text is its format (`camt.053.001.02` …).
        case document
        /// The start of a statement, `Bal`, `Ntry`, `TxDtls` or `RtrInf`.
        case start
        /// The start of an `Amt`; the text is its `Ccy` attribute when `hasValue`.
        case amount
        /// The end of an element whose text recon keeps (`CamtTag.hasText`); the text as written.
        case text
        /// The end of a statement, `Bal`, `Ntry` or `TxDtls`.
        case end
    }

    var kind: Kind
    var tag: CamtTag
    /// The tags one, two and three levels above `tag` (`.other` above the root).
    var parent: CamtTag
    var grand: CamtTag
    var great: CamtTag
    var hasValue: Bool
    /// Where the parser was when it saw the element (as `SafeXMLParser.location` gives it).
    var line: Int32
    var column: Int32
    /// The event's text in its batch's bytes.
    var textStart: Int32
    var textCount: Int32
}

/// A run of events and the bytes of their texts, in storage the two threads pass back and forth.
final class CamtEventBatch {
    /// How large a batch is: 4,096 events (about 190 entries) and 256 KiB of their texts; tests
    /// make them tiny to cross many hand-overs.
    struct Size {
        var events = 4096
        var bytes = 256 * 1024
    }

    let events: UnsafeMutablePointer<CamtEvent>
    let eventCapacity: Int
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var byteCapacity: Int
    /// Written by the scanner when it hands the batch over (it fills the storage directly).
    var eventCount = 0
    var byteCount = 0
    /// Set on the last batch: how the scan ended.
    var outcome: Result<Void, any Error>?

    init(_ size: Size) {
        eventCapacity = max(1, size.events)
        events = .allocate(capacity: eventCapacity)
        byteCapacity = max(1, size.bytes)
        bytes = .allocate(capacity: byteCapacity)
    }

    deinit {
        events.deallocate()
        bytes.deallocate()
    }

    func text(of event: CamtEvent) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + Int(event.textStart), count: Int(event.textCount))
    }

    func reset() {
        eventCount = 0
        byteCount = 0
        outcome = nil
    }

    /// Room for `count` bytes of text in an empty batch.
    func grow(to count: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        grown.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
        byteCapacity = count
    }
}

/// A ring of batches between the scanner's thread (which fills them) and the reader's (which
/// empties them), the classic bounded buffer: `filled` counts batches ready to read, `free` those
/// ready to fill. Memory stays at the ring's size whatever the file's.
final class CamtEventPipe: @unchecked Sendable {
    static let batchCount = 3

    private let batches: [CamtEventBatch]
    private let filled = DispatchSemaphore(value: 0)
    /// Made at 0 and signalled: libdispatch traps when a semaphore goes away below its initial value.
    private let free = DispatchSemaphore(value: 0)
    private let cancelled = Atomic<Bool>(false)
    /// The scanner's place in the ring (touched only by its thread) and the reader's (by its).
    private var fillIndex = 0
    private var readIndex = 0

    init(batchSize: CamtEventBatch.Size) {
        batches = (0..<CamtEventPipe.batchCount).map { _ in CamtEventBatch(batchSize) }
        for _ in batches { free.signal() }
    }

    /// The scanner's first batch.
    func firstToFill() -> CamtEventBatch {
        free.wait()
        return batches[0]
    }

    /// Hands the scanner's full batch over and returns the next to fill; nil once the reader has
    /// stopped (the scanner then stops too).
    func handOver(_ batch: CamtEventBatch) -> CamtEventBatch? {
        filled.signal()
        free.wait()
        if cancelled.load(ordering: .acquiring) { return nil }
        fillIndex = (fillIndex + 1) % batches.count
        let next = batches[fillIndex]
        next.reset()
        return next
    }

    /// Hands the scanner's last batch over, with how the scan ended.
    func finish(_ batch: CamtEventBatch, _ outcome: Result<Void, any Error>) {
        batch.outcome = outcome
        filled.signal()
    }

    /// The next batch to read (waits for it).
    func nextToRead() -> CamtEventBatch {
        filled.wait()
        return batches[readIndex]
    }

    /// The reader is done with the batch `nextToRead` gave.
    func release() {
        readIndex = (readIndex + 1) % batches.count
        free.signal()
    }

    /// The reader stops before the last batch: the scanner stops at its next hand-over.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        free.signal()
    }
}
