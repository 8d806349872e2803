import ReconCore

/// The libxml2 side of the camt reader: parses the document (SAX2) and writes the elements recon
/// acts on as `CamtEvent`s, with the texts it keeps, into batches for `CamtReader` — which turns
/// them into records, on another thread when there is one. It knows the tree (which element is
/// inside which) and the namespace, nothing of statements or entries.
final class CamtScanner: SafeXMLParser {
    static let chunkSize = 256 * 1024

    private let source: any ByteSource
    /// Where events go; `handOver` swaps a full batch for an empty one (nil: stop scanning). Its
    /// storage and counts are kept here while it is filled (written back when it is handed on):
    /// an event costs a few stores, not calls on an object.
    private var batch: CamtEventBatch
    private var events: UnsafeMutablePointer<CamtEvent>
    private var eventCount = 0
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity: Int
    private var eventCapacity: Int
    private let handOver: (CamtEventBatch) -> CamtEventBatch?
    /// The reader stopped: no more events.
    private var stopped = false

    private(set) var rootElement: String?
    private var namespace: [UInt8]?
    private var lastNamespacePointer: UnsafePointer<UInt8>?
    /// Tags by the address of their name: libxml2 interns element names in its dictionary for the
    /// life of the parser, so an address seen before is the same name (a camt file has a few
    /// dozen). Spares hashing and comparing the name of every element (4 % of a camt parse).
    private let tagCache = CamtTagCache()
    /// The open elements' tags, the innermost at `top`, above three `.other`s (the tags "above"
    /// the root): plain storage, as deep as `maxDepth` allows (`scan` makes it). Events are
    /// written only while their element is on it (`top` ≥ 3), so `stack[top - 3]` is always there.
    private var stack = UnsafeMutablePointer<CamtTag>.allocate(capacity: 4)
    private var top = 2

    private let chunk = UnsafeMutableRawPointer.allocate(byteCount: CamtScanner.chunkSize, alignment: 16)
    private var chunkStart = 0
    private var chunkEnd = 0
    /// The text of the element being read, in storage of the scanner's own: an array emptied with
    /// `removeAll(keepingCapacity:)` twice per element cost ~2,000 instructions an entry.
    private let textStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: CamtReader.maxTextBytes)
    private var textCount = 0

    init(source: any ByteSource, batch: CamtEventBatch, handOver: @escaping (CamtEventBatch) -> CamtEventBatch?) {
        self.source = source
        self.batch = batch
        events = batch.events
        bytes = batch.bytes
        byteCapacity = batch.byteCapacity
        eventCapacity = batch.eventCapacity
        self.handOver = handOver
        super.init(path: source.path, eventHandler: nil)
        wantsCharacters = false
        stack.initialize(repeating: .other, count: 4)
    }

    deinit {
        stack.deallocate()
        textStorage.deallocate()
        chunk.deallocate()
    }

    /// Scans the whole document. Throws the first XML problem or what the source threw; either
    /// way `lastBatch()` then holds the events before the end.
    func scan() throws {
        // Deeper than `maxDepth` the parser stops before a start reaches the scanner.
        let capacity = max(maxDepth, 0) + 4
        stack.deallocate()
        stack = .allocate(capacity: capacity)
        stack.initialize(repeating: .other, count: capacity)
        try parseDocument { [unowned self] buffer in try self.nextBytes(into: buffer) }
    }

    /// The batch being filled, its counts written back.
    func lastBatch() -> CamtEventBatch {
        batch.eventCount = eventCount
        batch.byteCount = byteCount
        return batch
    }

    /// The next bytes for libxml2 (which asks for 4 KB at a time), from `chunk`, refilled from the
    /// source `chunkSize` bytes at a time. Always as many as asked for until the input ends:
    /// libxml2's pull parser looks at what one read gave (the XML declaration needs its first 35
    /// bytes together), as a regular file's reads give it.
    private func nextBytes(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            if chunkStart == chunkEnd {
                chunkEnd = try source.read(into: UnsafeMutableRawBufferPointer(start: chunk, count: CamtScanner.chunkSize))
                chunkStart = 0
                if chunkEnd == 0 { break }
            }
            let count = min(buffer.count - filled, chunkEnd - chunkStart)
            (buffer.baseAddress! + filled).copyMemory(from: chunk + chunkStart, byteCount: count)
            chunkStart += count
            filled += count
        }
        return filled
    }

    private func emit(_ kind: CamtEvent.Kind, _ tag: CamtTag, hasValue: Bool = false,
                      text: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)) {
        guard !stopped else { return }
        assert(top >= 3, "an event is written while its element is on the stack")
        let count = text.count
        if byteCount + count > byteCapacity || eventCount == eventCapacity {
            guard makeRoom(forText: count) else { return }
        }
        let (line, column) = position
        (events + eventCount).initialize(to: CamtEvent(
            kind: kind, tag: tag, parent: stack[top - 1], grand: stack[top - 2], great: stack[top - 3],
            hasValue: hasValue, line: line, column: column, textStart: Int32(byteCount), textCount: Int32(count)))
        if count > 0 { (bytes + byteCount).update(from: text.baseAddress!, count: count) }
        byteCount += count
        eventCount += 1
    }

    /// Hands the full batch over and takes the next (which grows for a text larger than it);
    /// false when the reader has stopped.
    private func makeRoom(forText count: Int) -> Bool {
        if eventCount > 0 {
            guard let next = handOver(lastBatch()) else {
                stopped = true
                abort(CamtScanner.Stopped())
                return false
            }
            batch = next
            eventCount = 0
            byteCount = 0
        }
        if count > batch.byteCapacity { batch.grow(to: count) }
        events = batch.events
        bytes = batch.bytes
        byteCapacity = batch.byteCapacity
        eventCapacity = batch.eventCapacity
        return true
    }

    /// What the scan throws when the reader stopped taking events (the reader has its own error).
    struct Stopped: Error {}

    // MARK: - XMLHandler

    override func startElement(localName: UnsafePointer<UInt8>, namespace uri: UnsafePointer<UInt8>?,
                               attributes: XMLAttributes) {
        var tag = CamtTag.other
        var format: [UInt8]?
        if let namespace {
            // libxml2 interns namespace URIs in its dictionary: the same pointer as last time is the
            // same namespace, without comparing 50 bytes per element.
            if let uri, uri == lastNamespacePointer || CamtScanner.equals(uri, namespace) {
                lastNamespacePointer = uri
                tag = tagCache.tag(localName)
            }
        } else {
            if rootElement == nil { rootElement = XMLName.string(localName) }
            if XMLName.equals(localName, "Document") {
                guard let uri, XMLName.hasPrefix(uri, "urn:iso:std:iso:20022:tech:xsd:camt.05") else {
                    let shown = uri.map(XMLName.string) ?? "none"
                    stop("unsupported document namespace '\(shown)' (expected urn:iso:std:iso:20022:tech:xsd:camt.052/053/054…)")
                    return
                }
                let name = XMLName.string(uri)
                namespace = Array(name.utf8)
                format = Array(name.utf8.dropFirst("urn:iso:std:iso:20022:tech:xsd:".count))
                tag = .Document
            }
        }
        // Pushed before any event: an event reads the three tags above its own, and below the
        // root only the three `.other`s are there.
        top += 1
        stack[top] = tag
        format?.withUnsafeBufferPointer { emit(.document, .Document, text: $0) }
        switch tag {
        case .Stmt, .Rpt, .Ntfctn, .Bal, .Ntry, .TxDtls, .RtrInf:
            emit(.start, tag)
        case .Amt:
            if let code = attributes.value(of: "Ccy") {
                emit(.amount, tag, hasValue: true, text: code)
            } else {
                emit(.amount, tag)
            }
        default:
            break
        }
        if tag.hasText {
            textCount = 0
            wantsCharacters = true
        }
    }

    override func endElement(localName: UnsafePointer<UInt8>, namespace uri: UnsafePointer<UInt8>?) {
        guard top > 2 else { return }
        let tag = stack[top]
        if tag.hasText {
            wantsCharacters = false
            emit(.text, tag, text: UnsafeBufferPointer(start: textStorage, count: textCount))
            textCount = 0
        }
        switch tag {
        case .Stmt, .Rpt, .Ntfctn, .Bal, .Ntry, .TxDtls:
            emit(.end, tag)
        default:
            break
        }
        top -= 1
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if textCount + bytes.count > CamtReader.maxTextBytes {
            stop("text value longer than \(CamtReader.maxTextBytes) bytes")
            return
        }
        guard let start = bytes.baseAddress else { return }
        (textStorage + textCount).update(from: start, count: bytes.count)
        textCount += bytes.count
    }

    static func equals(_ name: UnsafePointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        for index in bytes.indices where name[index] != bytes[index] { return false }
        return name[bytes.count] == 0
    }
}
