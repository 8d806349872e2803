import Testing
import ReconCore
@testable import ReconFormats

/// A camt.053 document around `entries`, in namespace version `version`.
func camt053(_ entries: String, version: String = "001.02", balances: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.\(version)">
      <BkToCstmrStmt>
        <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2025-03-31T10:00:00</CreDtTm></GrpHdr>
        <Stmt>
          <Id>STMT-1</Id>
          <Acct><Id><IBAN>NO7215036123459</IBAN></Id><Ccy>NOK</Ccy></Acct>
          \(balances)
          \(entries)
        </Stmt>
      </BkToCstmrStmt>
    </Document>
    """
}

func readCamt(_ text: String) throws -> (statements: [StatementInfo], entries: [BankEntry], warnings: [Finding]) {
    try readCamt(bytes: Array(text.utf8))
}

func readCamt(bytes: [UInt8]) throws -> (statements: [StatementInfo], entries: [BankEntry], warnings: [Finding]) {
    let result = try drain(CamtReader(source: MemoryByteSource(bytes, path: "s.xml")))
    return (result.statements, result.entries, result.warnings)
}

let creditV02 = """
    <Ntry>
      <Amt Ccy="NOK">1500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
      <BookgDt><Dt>2025-03-10</Dt></BookgDt><ValDt><Dt>2025-03-11</Dt></ValDt>
      <AcctSvcrRef>REF-1</AcctSvcrRef>
      <NtryDtls><TxDtls>
        <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
        <RltdPties><Dbtr><Nm>Ola Nordmann</Nm></Dbtr><DbtrAcct><Id><IBAN>NO0852601815907</IBAN></Id></DbtrAcct></RltdPties>
        <RmtInf><Ustrd>Faktura 100</Ustrd><Ustrd>23 takk</Ustrd>
          <Strd><CdtrRefInf><Ref>100016</Ref></CdtrRefInf></Strd></RmtInf>
      </TxDtls></NtryDtls>
    </Ntry>
    """

@Suite struct CamtReaderTests {
    @Test func readsAStatementAndItsEntry() throws {
        let balances = """
            <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="NOK">100.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2025-03-09</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="NOK">1400.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-10</Dt></Dt></Bal>
            """
        let (statements, entries, warnings) = try readCamt(camt053(creditV02, balances: balances))
        #expect(warnings.isEmpty)
        let statement = try #require(statements.first)
        #expect(statement.format == "camt.053.001.02")
        #expect(statement.id == "STMT-1")
        #expect(statement.account == "NO7215036123459")
        #expect(statement.opening?.formatted() == "-100.00")
        #expect(statement.closing?.formatted() == "1400.00")
        let transaction = try #require(entries.first?.transactions.first)
        #expect(transaction.amount.formatted() == "1500.00")
        #expect(transaction.bookingDate.description == "2025-03-10")
        #expect(transaction.valueDate?.description == "2025-03-11")
        #expect(transaction.status == .booked)
        #expect(transaction.endToEndId == nil)
        #expect(transaction.structuredRef == "100016")
        #expect(transaction.payerName == "Ola Nordmann")
        #expect(transaction.payerIban == "NO0852601815907")
        #expect(transaction.text == "Faktura 10023 takk")
        #expect(transaction.entryId == "NO7215036123459/REF-1/1")
        #expect(transaction.origin.line == 14)  // the TxDtls
    }

    @Test func readsVersion08StatusCodesAndParties() throws {
        let entry = """
            <Ntry><Amt Ccy="NOK">75.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
              <BookgDt><DtTm>2014-01-04T23:00:00.000Z</DtTm></BookgDt>
              <NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>Kontor AS</Nm></Pty></Cdtr></RltdPties></TxDtls></NtryDtls>
            </Ntry>
            """
        let (_, entries, _) = try readCamt(camt053(entry, version: "001.08"))
        let transaction = try #require(entries.first?.transactions.first)
        #expect(transaction.amount.formatted() == "-75.50")
        #expect(transaction.status == .pending)
        #expect(transaction.bookingDate.description == "2014-01-04")
        #expect(transaction.payerName == "Kontor AS")
    }

    @Test func splitsABatchIntoItsTxDtls() throws {
        let entry = """
            <Ntry><Amt Ccy="NOK">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
              <BookgDt><Dt>2025-03-10</Dt></BookgDt><AcctSvcrRef>B-1</AcctSvcrRef>
              <NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
                <TxDtls><Refs><AcctSvcrRef>B-1-a</AcctSvcrRef></Refs><AmtDtls><TxAmt><Amt Ccy="NOK">100.00</Amt></TxAmt></AmtDtls></TxDtls>
                <TxDtls><Refs><AcctSvcrRef>B-1-b</AcctSvcrRef></Refs><AmtDtls><TxAmt><Amt Ccy="NOK">200.00</Amt></TxAmt></AmtDtls></TxDtls>
              </NtryDtls>
            </Ntry>
            """
        let (_, entries, warnings) = try readCamt(camt053(entry))
        let transactions = try #require(entries.first?.transactions)
        #expect(transactions.map { $0.amount.formatted() } == ["100.00", "200.00"])
        #expect(transactions.map(\.bankRef) == ["B-1-a", "B-1-b"])
        #expect(transactions.map(\.entryId) == ["NO7215036123459/B-1/1", "NO7215036123459/B-1/2"])
        #expect(warnings.isEmpty)
    }

    @Test func keepsABatchWholeWhenItsPartsDoNotAddUp() throws {
        let entry = """
            <Ntry><Amt Ccy="NOK">53.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-03-10</Dt></BookgDt>
              <NtryDtls><Btch><NbOfTxs>5</NbOfTxs></Btch>
                <TxDtls><AmtDtls><TxAmt><Amt Ccy="NOK">20.00</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>one</Ustrd></RmtInf></TxDtls>
                <TxDtls><AmtDtls><TxAmt><Amt Ccy="NOK">30.00</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>two</Ustrd></RmtInf></TxDtls>
              </NtryDtls></Ntry>
            """
        let (_, entries, warnings) = try readCamt(camt053(entry))
        let transactions = try #require(entries.first?.transactions)
        #expect(transactions.count == 1)
        #expect(transactions[0].amount.formatted() == "53.00")
        #expect(transactions[0].text == "one two")
        #expect(warnings.map(\.message) == [
            "batch declares NbOfTxs 5 but has 2 TxDtls",
            "entry with 2 TxDtls whose amounts do not add up to the entry: kept as one transaction",
        ])
    }

    @Test func fallsBackToTheValueDateWithAWarning() throws {
        let entry = "<Ntry><Amt Ccy=\"NOK\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><ValDt><Dt>2025-03-12+01:00</Dt></ValDt></Ntry>"
        let (_, entries, warnings) = try readCamt(camt053(entry))
        #expect(entries.first?.bookingDate.description == "2025-03-12")
        #expect(warnings.map(\.message) == ["entry without Sts, taken as booked", "entry without BookgDt, value date used"])
    }

    @Test func dataErrorsAreCollectedWithLocations() {
        let entries = """
            <Ntry><Amt Ccy="NOK">1,50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-03-10</Dt></BookgDt></Ntry>
            <Ntry><Amt Ccy="NOK">1.50</Amt><Sts>BOOK</Sts><BookgDt><Dt>2025-02-30</Dt></BookgDt></Ntry>
            """
        let findings = readError { _ = try readCamt(camt053(entries)) }
        #expect(findings.map(\.message) == [
            "unexpected ',' in amount '1,50' (NOK has 2 decimals)",
            "entry without an amount",
            "invalid date '2025-02-30'",
            "entry without CdtDbtInd: recon does not guess the sign",
        ])
        #expect(findings.allSatisfy { $0.location.file == "s.xml" && $0.location.line >= 7 })
    }

    @Test func findsTheDocumentInsideAnEnvelope() throws {
        let wrapped = """
            <?xml version="1.0"?>
            <message><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.01"><BizMsgIdr>X</BizMsgIdr><Id>not me</Id></AppHdr>
            \(camt053(creditV02).split(separator: "\n").dropFirst().joined(separator: "\n"))
            </message>
            """
        let (statements, entries, _) = try readCamt(wrapped)
        #expect(statements.first?.id == "STMT-1")
        #expect(entries.count == 1)
    }

    @Test func honoursTheLatin1Declaration() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n".utf8)
        let body = camt053(creditV02.replacingOccurrences(of: "Ola Nordmann", with: "Bj\u{F8}rn \u{C5}se"))
            .split(separator: "\n").dropFirst().joined(separator: "\n")
        bytes += body.unicodeScalars.map { UInt8($0.value) }  // Latin-1: one byte per scalar
        let (_, entries, _) = try readCamt(bytes: bytes)
        #expect(entries.first?.transactions.first?.payerName == "Bjørn Åse")
    }

    @Test func refusesOtherDocuments() {
        let weird = "<?xml version=\"1.0\"?><Document xmlns=\"urn:weird-namespace\"><X/></Document>"
        #expect(readError { _ = try readCamt(weird) }.first?.message.hasPrefix("unsupported document namespace 'urn:weird-namespace'") == true)
        #expect(readError { _ = try readCamt("<?xml version=\"1.0\"?><html/>") }.first?.message
            == "not a camt.052/053/054 document: no ISO 20022 camt Document element (root element html)")
        #expect(readError { _ = try readCamt(String(camt053(creditV02).dropLast(40))) }.first?.message.hasPrefix("malformed XML") == true)
    }
}

@Suite struct HostileXMLTests {
    @Test func refusesADoctypeBeforeExpandingAnything() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&lol3;</BkToCstmrStmt></Document>
            """
        let findings = readError { _ = try readCamt(laughs) }
        #expect(findings.map(\.description) == ["s.xml:2:16: a DOCTYPE is not allowed in bank files (entities are never expanded)"])
    }

    @Test func refusesExternalEntities() {
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&xxe;</Document>
            """
        let findings = readError { _ = try readCamt(external) }
        #expect(findings.first?.message == "a DOCTYPE is not allowed in bank files (entities are never expanded)")
    }

    @Test func refusesDeepNesting() {
        let depth = 10_000
        let deep = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"
            + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</Document>"
        let findings = readError { _ = try readCamt(deep) }
        #expect(findings.first?.message == "elements nested deeper than 256 levels")
    }

    @Test func refusesAnUndeclaredEntity() {
        let text = camt053(creditV02.replacingOccurrences(of: "Ola Nordmann", with: "&undefined;"))
        #expect(readError { _ = try readCamt(text) }.first?.message.hasPrefix("malformed XML") == true)
    }
}

@Suite struct CamtEmptyDocumentTests {
    @Test func aDocumentWithoutStatementsIsRefused() {
        let headerOnly = """
            <?xml version="1.0"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
            <GrpHdr><MsgId>X</MsgId><CreDtTm>2025-01-01T00:00:00</CreDtTm></GrpHdr></BkToCstmrStmt></Document>
            """
        #expect(readError { _ = try readCamt(headerOnly) }.map(\.description)
            == ["s.xml:1: camt.053.001.02 document without any Stmt, Rpt or Ntfctn: nothing to read"])
        let namespaceOnly = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.03\"/>"
        #expect(readError { _ = try readCamt(namespaceOnly) }.count == 1)
    }

    @Test func aStatementWithoutEntriesIsFine() throws {
        let (statements, entries, _) = try readCamt(camt053(""))
        #expect(statements.count == 1)
        #expect(entries.isEmpty)
    }
}
