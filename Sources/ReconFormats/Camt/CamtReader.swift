import ReconCore

/// Reads camt.052, camt.053 and camt.054 (every version) as a stream of `BankRecord`s, through
/// libxml2's SAX2 push parser: memory stays flat whatever the file size.
///
/// Dispatch is on the namespace URI and local names, never on prefixes; the `Document` may be
/// wrapped (AppHdr). Entries with several `TxDtls` are split into one transaction per `TxDtls`
/// when their amounts add up to the entry. Data problems are collected and thrown together at the
/// end; oddities that do not stop recon are `warnings`.
public final class CamtReader: XMLHandler {
    public let path: String
    public internal(set) var warnings: [Finding] = []
    /// `camt.053.001.02` …, known once the Document element was read.
    public private(set) var format: String?
    public static let chunkSize = 256 * 1024

    private let source: any ByteSource
    var parser: SafeXMLParser!
    var queue: [BankRecord] = []
    private var queueHead = 0
    private var finished = false
    var findings: [Finding] = []
    private var namespace: [UInt8]?
    var identity = EntryIdentity()
    private var chunk = [UInt8](repeating: 0, count: CamtReader.chunkSize)
    private var rootElement: String?
    private var statementCount = 0

    private var stack: [CamtTag] = []
    private var text: [UInt8] = []
    private var capturing = false
    private var amountCurrency: Currency?
    var messageId: String?
    var messageDate: CalendarDate?
    var statement: CamtStatementState?
    private var balance: CamtBalanceState?
    private var entry: CamtEntryState?
    private var transaction: CamtTransactionState?

    public static let maxTextBytes = 1 << 20
    private static let amountFormat = AmountFormat(allowsExcessZeroDecimals: true)

    public init(source: any ByteSource) {
        self.source = source
        self.path = source.path
        self.parser = SafeXMLParser(path: source.path, handler: self)
        stack.reserveCapacity(64)
        text.reserveCapacity(256)
    }

    /// The next statement header or entry; nil at the end. Throws every data problem found.
    public func next() throws -> BankRecord? {
        while queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
            if finished {
                if !findings.isEmpty { throw ReadError.invalid(findings) }
                return nil
            }
            try feedChunk()
        }
        let record = queue[queueHead]
        queueHead += 1
        return record
    }

    private func feedChunk() throws {
        let count = try chunk.withUnsafeMutableBytes { buffer in try source.read(into: buffer) }
        let isLast = count == 0
        do {
            try chunk.withUnsafeBytes { buffer throws in
                try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), isLast: isLast)
            }
        } catch {
            throw error
        }
        if isLast {
            finished = true
            if format == nil {
                let root = rootElement.map { " (root element \($0))" } ?? ""
                throw ReadError.invalid(SourceLocation(file: path, line: 1),
                               "not a camt.052/053/054 document: no ISO 20022 camt Document element\(root)")
            }
            if statementCount == 0 {
                findings.append(Finding(SourceLocation(file: path, line: 1),
                                        "\(format!) document without any Stmt, Rpt or Ntfctn: nothing to read"))
            }
        }
    }

    // MARK: - XMLHandler

    public func startElement(localName: UnsafePointer<UInt8>, namespace uri: UnsafePointer<UInt8>?,
                             attributes: XMLAttributes) {
        var tag = CamtTag.other
        if let namespace {
            if let uri, CamtReader.equals(uri, namespace) { tag = CamtTag.lookup(localName) }
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
            text.removeAll(keepingCapacity: true)
            capturing = true
        }
    }

    public func endElement(localName: UnsafePointer<UInt8>, namespace uri: UnsafePointer<UInt8>?) {
        guard let tag = stack.last else { return }
        if tag.hasText {
            capturing = false
            handleText(tag)
            text.removeAll(keepingCapacity: true)
        }
        let parent = stack.count >= 2 ? stack[stack.count - 2] : .other
        switch tag {
        case .TxDtls where transaction != nil && parent == .NtryDtls:
            entry?.transactions.append(transaction!)
            transaction = nil
        case .Ntry where entry != nil && parent.isStatement:
            finishEntry(entry!)
            entry = nil
        case .Bal where balance != nil && parent.isStatement:
            finishBalance(balance!)
            balance = nil
        case _ where tag.isStatement && statement != nil && parent.isMessageRoot:
            emitStatementHeader()
            statement = nil
        default:
            break
        }
        stack.removeLast()
    }

    public func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capturing else { return }
        if text.count + bytes.count > CamtReader.maxTextBytes {
            parser.stop("text value longer than \(CamtReader.maxTextBytes) bytes")
            return
        }
        text.append(contentsOf: bytes)
    }

    // MARK: - Values

    /// The tag `n` levels above the current one (1 = parent).
    private func above(_ levels: Int) -> CamtTag {
        let index = stack.count - 1 - levels
        return index >= 0 ? stack[index] : .other
    }

    private func handleText(_ tag: CamtTag) {
        let parent = above(1), grand = above(2)
        if transaction != nil {
            handleTransactionText(tag, parent, grand)
        } else if entry != nil {
            handleEntryText(tag, parent, grand)
        } else if balance != nil {
            switch tag {
            case .Cd where parent == .CdOrPrtry: balance!.code = trimmed()
            case .Prtry where parent == .CdOrPrtry: if balance!.code == nil { balance!.code = trimmed() }
            case .Amt where parent == .Bal:
                balance!.amountWasWritten = true
                balance!.amount = amount(inBalance: true)
            case .CdtDbtInd where parent == .Bal: balance!.isDebit = indicator()
            case .Dt where parent == .Dt && grand == .Bal, .DtTm where parent == .Dt && grand == .Bal:
                balance!.date = date()
            default: break
            }
        } else if statement != nil {
            switch tag {
            case .Id where parent.isStatement: statement!.id = trimmed()
            case .CreDtTm where parent.isStatement: statement!.created = date()
            case .IBAN where parent == .Id && grand == .Acct: statement!.iban = trimmed()
            case .Id where parent == .Othr && grand == .Id && above(3) == .Acct: statement!.otherAccount = trimmed()
            case .Ccy where parent == .Acct: statement!.currency = currency()
            case .ToDtTm where parent == .FrToDt: statement!.periodEnd = date()
            default: break
            }
        } else {
            switch tag {
            case .MsgId where parent == .GrpHdr: messageId = trimmed()
            case .CreDtTm where parent == .GrpHdr: messageDate = date()
            default: break
            }
        }
    }

    private func handleEntryText(_ tag: CamtTag, _ parent: CamtTag, _ grand: CamtTag) {
        switch tag {
        case .Amt where parent == .Ntry: entry!.amount = amount()
        case .CdtDbtInd where parent == .Ntry: entry!.isDebit = indicator()
        case .RvslInd where parent == .Ntry:
            let value = trimmed()
            entry!.isReversal = value == "true" || value == "1"
        case .Sts where parent == .Ntry:
            let value = trimmed()
            if !value.isEmpty { entry!.status = value }
        case .Cd where parent == .Sts: entry!.status = trimmed()
        case .Dt where parent == .BookgDt, .DtTm where parent == .BookgDt: entry!.bookingDate = date()
        case .Dt where parent == .ValDt, .DtTm where parent == .ValDt: entry!.valueDate = date()
        case .AcctSvcrRef where parent == .Ntry: entry!.accountServicerRef = nonEmpty()
        case .NtryRef where parent == .Ntry: entry!.entryRef = nonEmpty()
        case .AddtlNtryInf where parent == .Ntry: entry!.additionalInfo = nonEmpty()
        case .NbOfTxs where parent == .Btch: entry!.declaredCount = Int(trimmed())
        case .PmtInfId where parent == .Btch: entry!.batchId = nonEmpty()
        default: break
        }
    }

    private func handleTransactionText(_ tag: CamtTag, _ parent: CamtTag, _ grand: CamtTag) {
        switch tag {
        case .AcctSvcrRef where parent == .Refs: transaction!.accountServicerRef = nonEmpty()
        case .EndToEndId where parent == .Refs:
            let value = trimmed()
            if !value.isEmpty && value != "NOTPROVIDED" { transaction!.endToEndId = value }
        case .Amt where parent == .TxDtls: transaction!.amount = amount()
        case .Amt where parent == .TxAmt && grand == .AmtDtls: transaction!.transactionAmount = amount()
        case .CdtDbtInd where parent == .TxDtls: transaction!.isDebit = indicator()
        case .Nm:
            let party = parent == .Pty ? grand : parent
            switch party {
            case .Dbtr: transaction!.debtorName = nonEmpty()
            case .UltmtDbtr: transaction!.ultimateDebtorName = nonEmpty()
            case .Cdtr: transaction!.creditorName = nonEmpty()
            default: break
            }
        case .IBAN where parent == .Id && grand == .DbtrAcct: transaction!.debtorIBAN = nonEmpty()
        case .IBAN where parent == .Id && grand == .CdtrAcct: transaction!.creditorIBAN = nonEmpty()
        case .Id where parent == .Othr && grand == .Id && above(3) == .DbtrAcct:
            transaction!.debtorOtherAccount = nonEmpty()
        case .Ustrd where parent == .RmtInf: transaction!.unstructured.append(contentsOf: text)
        case .Ref where parent == .CdtrRefInf:
            if transaction!.structuredRef == nil { transaction!.structuredRef = nonEmpty() }
        case .AddtlTxInf where parent == .TxDtls: transaction!.additionalInfo = nonEmpty()
        default: break
        }
    }

    private func trimmed() -> String {
        String(decoding: CamtReader.trim(text), as: UTF8.self)
    }

    private func nonEmpty() -> String? {
        let value = trimmed()
        return value.isEmpty ? nil : value
    }

    static func trim(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private func indicator() -> Bool? {
        switch trimmed() {
        case "DBIT": return true
        case "CRDT": return false
        case let other:
            findings.append(Finding(parser.location, "CdtDbtInd must be CRDT or DBIT, not '\(other)'"))
            return nil
        }
    }

    private func currency() -> Currency? {
        let value = trimmed()
        guard let currency = Currency(code: value) else {
            findings.append(Finding(parser.location, "unknown currency '\(value)'"))
            return nil
        }
        return currency
    }

    /// The amount of an `Amt`. A balance's amount that cannot be read costs only the balance (a
    /// warning): balances are checked, never booked. An entry's is an error.
    private func amount(inBalance: Bool = false) -> Money? {
        func problem(_ message: String) {
            if inBalance { warn(message + "; the balance is ignored") } else { findings.append(Finding(parser.location, message)) }
        }
        guard let currency = amountCurrency ?? statement?.currency else {
            problem("amount without a currency (no Ccy attribute)")
            return nil
        }
        let bytes = CamtReader.trim(text)
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(AmountError) in
                try Money.parse(buffer, currency: currency, format: CamtReader.amountFormat)
            }
        } catch {
            let shown = String(decoding: bytes, as: UTF8.self)
            problem("\(error) '\(shown)' (\(currency.code) has \(currency.exponent) decimals)")
            return nil
        }
    }

    /// `Dt` or `DtTm`: the calendar date written, in the value's own offset.
    private func date() -> CalendarDate? {
        let bytes = CamtReader.trim(text)
        let parsed: CalendarDate? = bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count >= 10 else { return nil }
            if buffer.count > 10 {
                let next = buffer[10]
                guard next == UInt8(ascii: "T") || next == UInt8(ascii: "+") || next == UInt8(ascii: "-")
                        || next == UInt8(ascii: "Z") else { return nil }
            }
            return CalendarDate(iso: UnsafeBufferPointer(rebasing: buffer[0..<10]))
        }
        if parsed == nil {
            findings.append(Finding(parser.location, "invalid date '\(String(decoding: bytes, as: UTF8.self))'"))
        }
        return parsed
    }

    private static func equals(_ name: UnsafePointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        for index in bytes.indices where name[index] != bytes[index] { return false }
        return name[bytes.count] == 0
    }
}
