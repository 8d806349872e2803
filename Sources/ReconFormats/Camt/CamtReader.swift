import ReconCore

/// Reads camt.052, camt.053 and camt.054 (every version) as a stream of `BankRecord`s, through
/// libxml2's SAX2 parser: memory stays flat whatever the file size.
///
/// Dispatch is on the namespace URI and local names, never on prefixes; the `Document` may be
/// wrapped (AppHdr). Entries with several `TxDtls` are split into one transaction per `TxDtls`
/// when their amounts add up to the entry. Data problems are collected and thrown together at the
/// end; oddities that do not stop recon are `warnings`.
///
/// Two threads share the work: `CamtScanner` runs libxml2 on a thread of its own and writes the
/// elements recon acts on into batches of plain bytes; this reader, on the caller's thread, turns
/// them into records and hands them to the caller in file order — the same records, findings and
/// warnings, in the same order, as one thread gives (`threaded: false`, compared in the tests).
public final class CamtReader {
    public internal(set) var warnings: [Finding] = []
    /// `camt.053.001.02` …, known once the Document element was read.
    public private(set) var format: String?
    public static let maxTextBytes = 1 << 20
    static let amountFormat = AmountFormat(allowsExcessZeroDecimals: true)

    private let source: any ByteSource
    private let threaded: Bool
    private let batchSize: CamtEventBatch.Size
    let path: String
    /// How deep elements may nest (`SafeXMLParser.maxDepth`).
    public var maxDepth = SafeXMLParser.defaultMaxDepth
    /// The body of `forEachRecord`, while it runs, and what it threw (reading stops there).
    private var deliver: ((BankRecord) throws -> Void)?
    private var delivery: (any Error)?
    var findings: [Finding] = []
    var identity = EntryIdentity()
    /// The descriptive texts of the transaction being made, as bytes (`finishEntry`).
    let texts = TextBytes()
    private var statementCount = 0

    /// The event being handled, and its text.
    private var event = CamtEvent(kind: .text, tag: .other, parent: .other, grand: .other, great: .other,
                                  hasValue: false, line: 0, column: 0, textStart: 0, textCount: 0)
    private(set) var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var amountCurrency: Currency?
    var messageId: String?
    var messageDate: CalendarDate?
    var statement: CamtStatementState?
    var balance: CamtBalanceState?
    var entry: CamtEntryState?
    var transaction: CamtTransactionState?

    /// `threaded: false` runs libxml2 on the caller's thread too (for comparing the two).
    public convenience init(source: any ByteSource, threaded: Bool = true) {
        self.init(source: source, threaded: threaded, batchSize: CamtEventBatch.Size())
    }

    init(source: any ByteSource, threaded: Bool, batchSize: CamtEventBatch.Size) {
        self.source = source
        self.threaded = threaded
        self.batchSize = batchSize
        self.path = source.path
    }

    /// Where the element being handled was read, as libxml2 gave it.
    var location: SourceLocation {
        SourceLocation(file: path, line: Int(event.line), column: Int(event.column))
    }

    /// Hands every statement header and entry to `body` in file order, each as soon as it is read.
    /// Throws every data problem found (after the last record), the first XML problem, or what
    /// `body` threw — reading stops there.
    public func forEachRecord(_ body: (BankRecord) throws -> Void) throws {
        let rootElement = try withoutActuallyEscaping(body) { body in
            deliver = body
            defer { deliver = nil }
            return try threaded ? scanBeside() : scanHere()
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

    /// libxml2 on a thread of its own, this thread handling its batches as they come (on this
    /// thread alone when no thread can be made); returns the document's root element.
    private func scanBeside() throws -> String? {
        let pipe = CamtEventPipe(batchSize: batchSize)
        let scanner = CamtScanner(source: source, batch: pipe.firstToFill(), handOver: pipe.handOver)
        scanner.maxDepth = maxDepth
        let started = Background.onThread { () -> String? in
            let outcome = Result { try scanner.scan() }
            pipe.finish(scanner.lastBatch(), outcome)
            return scanner.rootElement
        }
        guard let scanning = started else { return try scanHere() }
        var outcome: Result<Void, any Error>?
        while true {
            let batch = pipe.nextToRead()
            handle(batch)
            if delivery != nil {
                pipe.cancel()
                break
            }
            if let last = batch.outcome {
                outcome = last
                break
            }
            pipe.release()
        }
        let rootElement = scanning.wait()
        if let delivery { throw delivery }
        try outcome?.get()
        return rootElement
    }

    /// libxml2 on this thread, each batch handled when full.
    private func scanHere() throws -> String? {
        let scanner = CamtScanner(source: source, batch: CamtEventBatch(batchSize)) { [unowned self] batch in
            handle(batch)
            batch.reset()
            return delivery == nil ? batch : nil
        }
        scanner.maxDepth = maxDepth
        let outcome = Result { try scanner.scan() }
        handle(scanner.lastBatch())
        if let delivery { throw delivery }
        try outcome.get()
        return scanner.rootElement
    }

    /// Handles a batch's events in order, stopping after one whose record `deliver` refused.
    private func handle(_ batch: CamtEventBatch) {
        for index in 0..<batch.eventCount where delivery == nil {
            event = batch.events[index]
            text = batch.text(of: event)
            switch event.kind {
            case .document: format = String(decoding: text, as: UTF8.self)
            case .start: start(event.tag, parent: event.parent)
            case .amount: startAmount()
            case .text: handleText(event.tag, event.parent, event.grand, event.great)
            case .end: end(event.tag, parent: event.parent)
            }
        }
    }

    /// Hands a finished record to the caller of `forEachRecord`; reading stops when it throws.
    func emit(_ record: BankRecord) {
        guard let deliver, delivery == nil else { return }
        do {
            try deliver(record)
        } catch {
            delivery = error
        }
    }

    private func start(_ tag: CamtTag, parent: CamtTag) {
        switch tag {
        case _ where tag.isStatement && parent.isMessageRoot:
            statement = CamtStatementState(origin: location)
            statementCount += 1
        case .Bal where parent.isStatement && statement != nil:
            balance = CamtBalanceState()
        case .Ntry where parent.isStatement && statement != nil:
            emitStatementHeader()
            entry = CamtEntryState(origin: location)
        case .TxDtls where parent == .NtryDtls && entry != nil:
            transaction = CamtTransactionState(origin: location)
        case .RtrInf where parent == .TxDtls && transaction != nil:
            transaction!.isReturn = true
        default:
            break
        }
    }

    private func startAmount() {
        amountCurrency = event.hasValue ? Currency(bytes: text) : nil
        if amountCurrency == nil && event.hasValue {
            findings.append(Finding(location, "unknown currency '\(String(decoding: text, as: UTF8.self))'"))
        }
    }

    private func end(_ tag: CamtTag, parent: CamtTag) {
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
    }
}
