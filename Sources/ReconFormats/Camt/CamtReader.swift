import ReconCore

/// Reads camt.052, camt.053 and camt.054 (every version) as a stream of `BankRecord`s, through
/// libxml2's SAX2 parser: memory stays flat whatever the file size.
///
/// Dispatch is on the namespace URI and local names, never on prefixes; the `Document` may be
/// wrapped (AppHdr). Entries with several `TxDtls` are split into one transaction per `TxDtls`
/// when their amounts add up to the entry. Data problems are collected and thrown together at the
/// end; oddities that do not stop recon are `warnings`.
public final class CamtReader: SafeXMLParser {
    public internal(set) var warnings: [Finding] = []
    /// `camt.053.001.02` …, known once the Document element was read.
    public private(set) var format: String?
    public static let chunkSize = 256 * 1024

    private let source: any ByteSource
    /// The parser is this reader (a subclass, so that libxml2's callbacks cost no reference counting).
    var parser: SafeXMLParser { self }
    /// The body of `forEachRecord`, while it runs.
    private var deliver: ((BankRecord) throws -> Void)?
    var findings: [Finding] = []
    private var namespace: [UInt8]?
    var identity = EntryIdentity()
    private let chunk = UnsafeMutableRawPointer.allocate(byteCount: CamtReader.chunkSize, alignment: 16)
    private var chunkStart = 0
    private var chunkEnd = 0
    private var rootElement: String?
    private var statementCount = 0
    private var lastNamespacePointer: UnsafePointer<UInt8>?
    /// Tags by the address of their name: libxml2 interns element names in its dictionary for the
    /// life of the parser, so an address seen before is the same name (a camt file has a few
    /// dozen). Spares hashing and comparing the name of every element (4 % of a camt parse).
    private var tagCache = CamtTagCache()

    var stack: [CamtTag] = []
    /// The text of the element being read, in storage of the reader's own: an array emptied with
    /// `removeAll(keepingCapacity:)` twice per element cost ~2,000 instructions an entry.
    private let textStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: CamtReader.maxTextBytes)
    private var textCount = 0
    var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: textStorage, count: textCount) }
    var capturing = false
    var amountCurrency: Currency?
    var messageId: String?
    var messageDate: CalendarDate?
    var statement: CamtStatementState?
    var balance: CamtBalanceState?
    var entry: CamtEntryState?
    var transaction: CamtTransactionState?

    public static let maxTextBytes = 1 << 20
    static let amountFormat = AmountFormat(allowsExcessZeroDecimals: true)

    public init(source: any ByteSource) {
        self.source = source
        super.init(path: source.path, eventHandler: nil)
        stack.reserveCapacity(64)
    }

    deinit {
        textStorage.deallocate()
        chunk.deallocate()
    }

    /// Hands every statement header and entry to `body` in file order, each as soon as it is read.
    /// Throws every data problem found (after the last record), the first XML problem, or what
    /// `body` threw — reading stops there.
    public func forEachRecord(_ body: (BankRecord) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            deliver = body
            defer { deliver = nil }
            try parser.parseDocument { [unowned self] buffer in try self.nextBytes(into: buffer) }
        }
        if format == nil {
            let root = rootElement.map { " (root element \($0))" } ?? ""
            throw ReadError.invalid(SourceLocation(file: path, line: 1),
                                    "not a camt.052/053/054 document: no ISO 20022 camt Document element\(root)")
        }
        if statementCount == 0 {
            findings.append(Finding(SourceLocation(file: path, line: 1),
                                    "\(format!) document without any Stmt, Rpt or Ntfctn: nothing to read"))
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
    }

    /// Hands a finished record to the caller of `forEachRecord`; stops the parse when it throws.
    func emit(_ record: BankRecord) {
        guard let deliver else { return }
        do {
            try deliver(record)
        } catch {
            parser.abort(error)
        }
    }

    /// The next bytes for libxml2 (which asks for 4 KB at a time), from `chunk`, refilled from the
    /// source `chunkSize` bytes at a time. Always as many as asked for until the input ends:
    /// libxml2's pull parser looks at what one read gave (the XML declaration needs its first 35
    /// bytes together), as a regular file's reads give it.
    private func nextBytes(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            if chunkStart == chunkEnd {
                chunkEnd = try source.read(into: UnsafeMutableRawBufferPointer(start: chunk, count: CamtReader.chunkSize))
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

    // MARK: - XMLHandler

    override func startElement(localName: UnsafePointer<UInt8>, namespace uri: UnsafePointer<UInt8>?,
                               attributes: XMLAttributes) {
        var tag = CamtTag.other
        if let namespace {
            // libxml2 interns namespace URIs in its dictionary: the same pointer as last time is the
            // same namespace, without comparing 50 bytes per element.
            if let uri, uri == lastNamespacePointer || CamtReader.equals(uri, namespace) {
                lastNamespacePointer = uri
                tag = tagCache.tag(localName)
            }
        } else {
            if rootElement == nil { rootElement = XMLName.string(localName) }
            if XMLName.equals(localName, "Document") {
                guard let uri, XMLName.hasPrefix(uri, "urn:iso:std:iso:20022:tech:xsd:camt.05") else {
                    let shown = uri.map(XMLName.string) ?? "none"
                    parser.stop("unsupported document namespace '\(shown)' (expected urn:iso:std:iso:20022:tech:xsd:camt.052/053/054…)")
                    return
                }
                let name = XMLName.string(uri)
                namespace = Array(name.utf8)
                format = String(name.dropFirst("urn:iso:std:iso:20022:tech:xsd:".count))
                tag = .Document
            }
        }
        let parent = stack.last ?? .other
        stack.append(tag)
        switch tag {
        case _ where tag.isStatement && parent.isMessageRoot:
            statement = CamtStatementState(origin: parser.location)
            statementCount += 1
        case .Bal where parent.isStatement && statement != nil:
            balance = CamtBalanceState()
        case .Ntry where parent.isStatement && statement != nil:
            emitStatementHeader()
            entry = CamtEntryState(origin: parser.location)
        case .TxDtls where parent == .NtryDtls && entry != nil:
            transaction = CamtTransactionState(origin: parser.location)
        case .RtrInf where parent == .TxDtls && transaction != nil:
            transaction!.isReturn = true
        case .Amt:
            amountCurrency = attributes.value(of: "Ccy").flatMap { Currency(bytes: $0) }
            if amountCurrency == nil, let code = attributes.value(of: "Ccy") {
                findings.append(Finding(parser.location, "unknown currency '\(String(decoding: code, as: UTF8.self))'"))
            }
        default:
            break
        }
        if tag.hasText {
            textCount = 0
            capturing = true
        }
    }

    override func endElement(localName: UnsafePointer<UInt8>, namespace uri: UnsafePointer<UInt8>?) {
        guard let tag = stack.last else { return }
        if tag.hasText {
            capturing = false
            handleText(tag)
            textCount = 0
        }
        let parent = stack.count >= 2 ? stack[stack.count - 2] : .other
        switch tag {
        // Moved out with take(), not copied: a transaction holds a dozen strings.
        case .TxDtls where transaction != nil && parent == .NtryDtls:
            entry?.transactions.append(transaction.take()!)
        case .Ntry where entry != nil && parent.isStatement:
            finishEntry(entry.take()!)
        case .Bal where balance != nil && parent.isStatement:
            finishBalance(balance.take()!)
        case _ where tag.isStatement && statement != nil && parent.isMessageRoot:
            emitStatementHeader()
            statement = nil
        default:
            break
        }
        stack.removeLast()
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capturing else { return }
        if textCount + bytes.count > CamtReader.maxTextBytes {
            parser.stop("text value longer than \(CamtReader.maxTextBytes) bytes")
            return
        }
        guard let start = bytes.baseAddress else { return }
        (textStorage + textCount).update(from: start, count: bytes.count)
        textCount += bytes.count
    }
}
