import ReconCore

/// The values the camt reader keeps: which element's text goes where, and how amounts, dates,
/// indicators and currencies are read from it.
extension CamtReader {

    /// The text of `tag`, whose parent, grandparent and great-grandparent are given.
    func handleText(_ tag: CamtTag, _ parent: CamtTag, _ grand: CamtTag, _ great: CamtTag) {
        if transaction != nil {
            handleTransactionText(tag, parent, grand, great)
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
            case .Id where parent == .Othr && grand == .Id && great == .Acct: statement!.otherAccount = trimmed()
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

    func handleEntryText(_ tag: CamtTag, _ parent: CamtTag, _ grand: CamtTag) {
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

    func handleTransactionText(_ tag: CamtTag, _ parent: CamtTag, _ grand: CamtTag, _ great: CamtTag) {
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
        case .Id where parent == .Othr && grand == .Id && great == .DbtrAcct:
            transaction!.debtorOtherAccount = nonEmpty()
        case .Ustrd where parent == .RmtInf: transaction!.unstructured.append(contentsOf: text)
        case .Ref where parent == .CdtrRefInf:
            if transaction!.structuredRef == nil { transaction!.structuredRef = nonEmpty() }
        case .AddtlTxInf where parent == .TxDtls: transaction!.additionalInfo = nonEmpty()
        default: break
        }
    }

    func trimmed() -> String {
        String(decoding: CamtReader.trim(text), as: UTF8.self)
    }

    func nonEmpty() -> String? {
        let value = trimmed()
        return value.isEmpty ? nil : value
    }

    static func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[trimmedRange(bytes)])
    }

    static func trim(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes[trimmedRange(bytes)]
    }

    /// Where `bytes` are without the XML whitespace at either end.
    private static func trimmedRange<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Range<Int>
    where Bytes.Index == Int {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    func indicator() -> Bool? {
        switch trimmed() {
        case "DBIT": return true
        case "CRDT": return false
        case let other:
            findings.append(Finding(location, "CdtDbtInd must be CRDT or DBIT, not '\(other)'"))
            return nil
        }
    }

    func currency() -> Currency? {
        let value = trimmed()
        guard let currency = Currency(code: value) else {
            findings.append(Finding(location, "unknown currency '\(value)'"))
            return nil
        }
        return currency
    }

    /// The amount of an `Amt`. A balance's amount that cannot be read costs only the balance (a
    /// warning): balances are checked, never booked. An entry's is an error.
    func amount(inBalance: Bool = false) -> Money? {
        func problem(_ message: String) {
            if inBalance { warn(message + "; the balance is ignored") } else { findings.append(Finding(location, message)) }
        }
        guard let currency = amountCurrency ?? statement?.currency else {
            problem("amount without a currency (no Ccy attribute)")
            return nil
        }
        let bytes = CamtReader.trim(text)
        do {
            return try Money.parse(bytes, currency: currency, format: CamtReader.amountFormat)
        } catch {
            let shown = String(decoding: bytes, as: UTF8.self)
            problem("\(error) '\(shown)' (\(currency.code) has \(currency.exponent) decimals)")
            return nil
        }
    }

    /// `Dt` or `DtTm`: the calendar date written, in the value's own offset.
    func date() -> CalendarDate? {
        let bytes = CamtReader.trim(text)
        let parsed: CalendarDate? = { (buffer: UnsafeBufferPointer<UInt8>) in
            guard buffer.count >= 10 else { return nil }
            if buffer.count > 10 {
                let next = buffer[10]
                guard next == UInt8(ascii: "T") || next == UInt8(ascii: "+") || next == UInt8(ascii: "-")
                        || next == UInt8(ascii: "Z") else { return nil }
            }
            return CalendarDate(iso: UnsafeBufferPointer(rebasing: buffer[0..<10]))
        }(bytes)
        if parsed == nil {
            findings.append(Finding(location, "invalid date '\(String(decoding: bytes, as: UTF8.self))'"))
        }
        return parsed
    }
}
