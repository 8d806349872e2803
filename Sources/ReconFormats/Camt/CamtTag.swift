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

    /// An open-addressing table from the FNV-1a hash of a name to its tag: a Swift Dictionary
    /// hashed each 64-bit key again with SipHash, once per element of the file.
    private static let slotCount = 256
    private static let table: [(hash: UInt64, tag: CamtTag, name: [UInt8])] = {
        var table = [(hash: UInt64, tag: CamtTag, name: [UInt8])](repeating: (0, .other, []), count: slotCount)
        for tag in CamtTag.allCases where tag != .other {
            let name = Array("\(tag)".utf8)
            let hash = name.withUnsafeBufferPointer { fingerprint($0.baseAddress!, count: $0.count) }
            var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
            while table[slot].tag != .other { slot = (slot + 1) & (slotCount - 1) }
            table[slot] = (hash, tag, name)
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

    /// The tag for a NUL-terminated local name: one pass for length and hash, then a probe.
    static func lookup(_ name: UnsafePointer<UInt8>) -> CamtTag {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var count = 0
        while name[count] != 0 {
            hash ^= UInt64(name[count])
            hash &*= 0x0000_0100_0000_01B3
            count += 1
        }
        return table.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
            while slots[slot].tag != .other {
                if slots[slot].hash == hash {
                    let bytes = slots[slot].name
                    guard bytes.count == count else { return .other }
                    for index in 0..<count where bytes[index] != name[index] { return .other }
                    return slots[slot].tag
                }
                slot = (slot + 1) & (slotCount - 1)
            }
            return .other
        }
    }
}

/// A direct-mapped cache of `CamtTag.lookup` by the name's address, for names that stay at one
/// address while the cache is used (libxml2's interned names, during one parse). Plain storage
/// of its own: looked up once per element.
final class CamtTagCache {
    private static let bits = 9
    private let names = UnsafeMutablePointer<UnsafePointer<UInt8>?>.allocate(capacity: 1 << bits)
    private let tags = UnsafeMutablePointer<CamtTag>.allocate(capacity: 1 << bits)

    init() {
        names.initialize(repeating: nil, count: 1 << Self.bits)
        tags.initialize(repeating: .other, count: 1 << Self.bits)
    }

    deinit {
        names.deallocate()
        tags.deallocate()
    }

    func tag(_ name: UnsafePointer<UInt8>) -> CamtTag {
        // Names sit a few bytes apart in the dictionary: a multiplicative hash spreads them.
        let slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: name)) &* 0x9E37_79B9_7F4A_7C15) >> (64 - Self.bits))
        if names[slot] == name { return tags[slot] }
        let tag = CamtTag.lookup(name)
        names[slot] = name
        tags[slot] = tag
        return tag
    }
}
