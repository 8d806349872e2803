/// The camt element names recon looks at. Every other element is `.other`.
///
/// Case names are the XML local names, so the lookup table is built from them.
enum CamtTag: UInt8, CaseIterable {
    case other
    case Document
    case BkToCstmrStmt, BkToCstmrAcctRpt, BkToCstmrDbtCdtNtfctn
    case BkToCstmrStmtV01, BkToCstmrAcctRptV01, BkToCstmrDbtCdtNtfctnV01
    case GrpHdr, MsgId, CreDtTm
    case Stmt, Rpt, Ntfctn
    case Id, Acct, IBAN, Othr, Ccy, FrToDt, FrDtTm, ToDtTm
    case Bal, Tp, CdOrPrtry, Cd, Prtry, Amt, CdtDbtInd, Dt, DtTm
    case Ntry, NtryRef, RvslInd, Sts, BookgDt, ValDt, AcctSvcrRef, AddtlNtryInf
    case NtryDtls, Btch, NbOfTxs, TxDtls, Refs, EndToEndId
    case AmtDtls, TxAmt, InstdAmt, CntrValAmt
    case RltdPties, Dbtr, Cdtr, Pty, Nm, DbtrAcct, CdtrAcct, UltmtDbtr
    case RmtInf, Ustrd, Strd, CdtrRefInf, Ref, AddtlTxInf, RtrInf, PmtInfId

    /// Elements whose text recon keeps.
    var hasText: Bool {
        switch self {
        case .MsgId, .CreDtTm, .Id, .IBAN, .Ccy, .ToDtTm, .Cd, .Prtry, .Amt, .CdtDbtInd, .Dt, .DtTm,
             .NtryRef, .RvslInd, .Sts, .AcctSvcrRef, .AddtlNtryInf, .NbOfTxs, .EndToEndId, .Nm, .Ustrd,
             .Ref, .AddtlTxInf, .PmtInfId:
            return true
        default:
            return false
        }
    }

    var isMessageRoot: Bool {
        switch self {
        case .BkToCstmrStmt, .BkToCstmrAcctRpt, .BkToCstmrDbtCdtNtfctn,
             .BkToCstmrStmtV01, .BkToCstmrAcctRptV01, .BkToCstmrDbtCdtNtfctnV01:
            return true
        default:
            return false
        }
    }

    var isStatement: Bool { self == .Stmt || self == .Rpt || self == .Ntfctn }

    private static let table: [UInt64: (CamtTag, [UInt8])] = {
        var table: [UInt64: (CamtTag, [UInt8])] = [:]
        for tag in CamtTag.allCases where tag != .other {
            let name = Array("\(tag)".utf8)
            let key = name.withUnsafeBufferPointer { fingerprint($0.baseAddress!, count: $0.count) }
            precondition(table[key] == nil, "tag fingerprint collision")
            table[key] = (tag, name)
        }
        return table
    }()

    private static func fingerprint(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<count {
            hash ^= UInt64(bytes[index])
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The tag for a NUL-terminated local name.
    static func lookup(_ name: UnsafePointer<UInt8>) -> CamtTag {
        let count = XMLName.length(name)
        guard let (tag, bytes) = table[fingerprint(name, count: count)], bytes.count == count else { return .other }
        for index in 0..<count where bytes[index] != name[index] { return .other }
        return tag
    }
}
