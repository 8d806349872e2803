import Testing
import ReconCore
@testable import ReconFormats

/// The camt traps of TRAPS.md that CamtReaderTests does not already cover, one inline sample each.
@Suite struct CamtTrapTests {
    func entry(_ amount: String = "10.00", _ indicator: String = "CRDT", status: String = "<Sts>BOOK</Sts>",
               extra: String = "", details: String = "") -> String {
        """
        <Ntry><Amt Ccy="NOK">\(amount)</Amt><CdtDbtInd>\(indicator)</CdtDbtInd>\(status)
          <BookgDt><Dt>2025-03-10</Dt></BookgDt>\(extra)
          <NtryDtls>\(details)</NtryDtls>
        </Ntry>
        """
    }

    @Test func version01ReportsWithItsOwnElementNames() throws {
        let text = """
            <?xml version="1.0"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.01">
              <BkToCstmrAcctRptV01><GrpHdr><MsgId>M</MsgId><CreDtTm>2007-10-18T12:30:00+01:00</CreDtTm></GrpHdr>
                <Rpt><Id>R1</Id><Acct><Id><IBAN>SE1234</IBAN></Id></Acct>
                  <Ntry><Amt Ccy="SEK">200000</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                    <BookgDt><DtTm>2007-10-18T10:15:00+01:00</DtTm></BookgDt><ValDt><Dt>2007-10-18</Dt></ValDt></Ntry>
                </Rpt></BkToCstmrAcctRptV01></Document>
            """
        let (statements, entries, _) = try readCamt(text)
        #expect(statements.first?.format == "camt.052.001.01")
        #expect(statements.first?.id == "R1")
        #expect(entries.first?.amount.formatted() == "-200000.00")
        #expect(entries.first?.bookingDate.description == "2007-10-18")
    }

    @Test(arguments: [("<DtTm>2014-01-04T23:00:00.000Z</DtTm>", "2014-01-04"),
                      ("<DtTm>2023-06-21T12:35:33.115965+00:00</DtTm>", "2023-06-21"),
                      ("<DtTm>2025-07-23T00:00:00.000000000</DtTm>", "2025-07-23"),
                      ("<Dt>2017-04-01+02:00</Dt>", "2017-04-01"),
                      ("<Dt>2015-12-31</Dt>", "2015-12-31")])
    func datesAreTheCalendarDayWritten(_ element: String, _ day: String) throws {
        let text = entry().replacingOccurrences(of: "<Dt>2025-03-10</Dt>", with: element)
        #expect(try readCamt(camt053(text)).entries.first?.bookingDate.description == day)
    }

    @Test func balancesKeepEveryCodeAndTheirOwnCurrency() throws {
        func balance(_ code: String, _ amount: String, _ currency: String, _ indicator: String = "<CdtDbtInd>CRDT</CdtDbtInd>") -> String {
            "<Bal><Tp><CdOrPrtry><Cd>\(code)</Cd></CdOrPrtry></Tp><Amt Ccy=\"\(currency)\">\(amount)</Amt>\(indicator)<Dt><Dt>2025-03-09</Dt></Dt></Bal>"
        }
        let balances = balance("PRCD", "1.00", "NOK") + balance("OPBD", "2.00", "NOK") + balance("CLBD", "27.00", "SEK")
            + balance("CLAV", "2700", "JPY") + balance("ITBD", "5.00", "NOK", "")
            + "<Bal><Tp><CdOrPrtry><Prtry>BNPAGBB6HXT</Prtry></CdOrPrtry></Tp><Amt Ccy=\"NOK\">3.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></Bal>"
        let (statements, _, warnings) = try readCamt(camt053("", balances: balances))
        let info = try #require(statements.first)
        #expect(info.balances.map { "\($0.code) \($0.amount) \($0.amount.currency)" } ==
                ["PRCD 1.00 NOK", "OPBD 2.00 NOK", "CLBD 27.00 SEK", "CLAV 2700 JPY", "ITBD 5.00 NOK", "BNPAGBB6HXT -3.00 NOK"])
        #expect(info.opening?.formatted() == "1.00", "the first of OPBD/PRCD opens")
        #expect(warnings.map(\.message) == ["balance ITBD without CdtDbtInd, taken as a credit balance"])
    }

    @Test func aBalanceAmountWithTooManyDecimalsCostsOnlyTheBalance() throws {
        let balances = "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"NOK\">100.0000000000005</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>"
        let (statements, entries, warnings) = try readCamt(camt053(entry(), balances: balances))
        #expect(statements.first?.balances.isEmpty == true)
        #expect(entries.count == 1)
        #expect(warnings.first?.message.hasSuffix("; the balance is ignored") == true)
        let findings = readError { _ = try readCamt(camt053(entry("10.001"))) }
        #expect(findings.first?.message.hasPrefix("amount has more than 2 decimals '10.001'") == true)
    }

    @Test func severalStatementsAndAStatementWithoutEntries() throws {
        let text = camt053(entry()).replacingOccurrences(of: "</Stmt>", with: "</Stmt><Stmt><Id>STMT-2</Id><Acct><Id><Othr><Id>ABCDE1234</Id></Othr></Id></Acct></Stmt>")
        let (statements, entries, _) = try readCamt(text)
        #expect(statements.map(\.id) == ["STMT-1", "STMT-2"])
        #expect(statements.map(\.account) == ["NO7215036123459", "ABCDE1234"])
        #expect(entries.count == 1)
    }

    @Test func transactionAmountsAbsentZeroOrCarryingCharges() throws {
        let noDetails = entry("200.00", "DBIT")
        let zero = entry("200.00", "DBIT", details: "<TxDtls><Amt Ccy=\"NOK\">0</Amt><AmtDtls><TxAmt><Amt Ccy=\"NOK\">0</Amt></TxAmt></AmtDtls></TxDtls>")
        let charges = entry("53.00", "DBIT", details: """
            <TxDtls><AmtDtls><InstdAmt><Amt Ccy="NOK">50.00</Amt></InstdAmt></AmtDtls>
              <Chrgs><Amt Ccy="NOK">3.00</Amt></Chrgs></TxDtls>
            """)
        let foreign = entry("4500.00", details: "<TxDtls><AmtDtls><InstdAmt><Amt Ccy=\"EUR\">400.00</Amt></InstdAmt></AmtDtls></TxDtls>")
        let (_, entries, _) = try readCamt(camt053(noDetails + zero + charges + foreign))
        #expect(entries.flatMap(\.transactions).map { $0.amount.formatted() } == ["-200.00", "-200.00", "-53.00", "4500.00"],
                "a single TxDtls takes the booked amount")
    }

    @Test func severalTransactionsInAnotherCurrencyStayOneWithAWarning() throws {
        let details = """
            <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">10.00</Amt></TxAmt></AmtDtls></TxDtls>
            <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">5.00</Amt></TxAmt></AmtDtls></TxDtls>
            """
        let (_, entries, warnings) = try readCamt(camt053(entry("160.00", details: details)))
        #expect(entries.first?.transactions.map { $0.amount.formatted() } == ["160.00"])
        #expect(warnings.map(\.message) == ["entry with 2 TxDtls whose amounts do not add up to the entry: kept as one transaction"])
    }

    @Test func reversalsPendingAndInformationNeverSettle() throws {
        let text = entry(extra: "<RvslInd>true</RvslInd>") + entry(status: "<Sts><Cd>PDNG</Cd></Sts>")
            + entry(status: "<Sts>INFO</Sts>") + entry("3.00", "DBIT")
        let (_, entries, _) = try readCamt(camt053(text))
        #expect(entries.map(\.isReversal) == [true, false, false, false])
        #expect(entries.map(\.status) == [.booked, .pending, .info, .booked])
        let receipts = entries.flatMap(\.transactions).filter(\.isReceipt)
        #expect(receipts.isEmpty)
    }

    @Test func structuredReferencesStayApartFromTheText() throws {
        let details = """
            <TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RmtInf>
              <Ustrd>Rechnung 2021-5 EREF: STZV-EtE27122013-11</Ustrd><Ustrd>:05-2 danke</Ustrd>
              <Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp><Ref>210000000003139471430009017</Ref></CdtrRefInf></Strd>
            </RmtInf></TxDtls>
            """
        let rf = "<TxDtls><RmtInf><Strd><CdtrRefInf><Ref>RF38000000000000000000552</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>"
        let (_, entries, _) = try readCamt(camt053(entry(details: details) + entry(details: rf)))
        let transactions = entries.flatMap(\.transactions)
        #expect(transactions[0].structuredRef == "210000000003139471430009017")
        #expect(transactions[0].text == "Rechnung 2021-5 EREF: STZV-EtE27122013-11:05-2 danke")
        #expect(transactions[0].endToEndId == nil)
        #expect(transactions[1].structuredRef == "RF38000000000000000000552")
        #expect(transactions[1].text == "")
    }

    @Test func theEntryAndItsTransactionsHaveTheirOwnReferences() throws {
        let details = "<TxDtls><Refs><AcctSvcrRef>TX-REF-78</AcctSvcrRef></Refs></TxDtls>"
        let (_, entries, _) = try readCamt(camt053(entry(extra: "<AcctSvcrRef>ENTRY-REF-77</AcctSvcrRef>", details: details)))
        #expect(entries.first?.bankRef == "ENTRY-REF-77")
        #expect(entries.first?.transactions.first?.bankRef == "TX-REF-78")
        #expect(entries.first?.transactions.first?.entryId == "NO7215036123459/ENTRY-REF-77/1")
    }

    @Test func aBatchWhoseCountDisagreesIsWarnedAbout() throws {
        let batch = "<Btch><PmtInfId>PMT-1</PmtInfId><NbOfTxs>3</NbOfTxs></Btch>"
        let (_, entries, warnings) = try readCamt(camt053(entry(details: batch)))
        #expect(entries.first?.batchId == "PMT-1")
        #expect(warnings.map(\.message) == ["batch declares NbOfTxs 3 but has 0 TxDtls"])
    }

    @Test func aReturnedDirectDebitNamesItsDebtor() throws {
        let details = """
            <TxDtls><RltdPties><Dbtr><Nm>Ola Debitor</Nm></Dbtr><DbtrAcct><Id><IBAN>NO0211112222</IBAN></Id></DbtrAcct>
              <Cdtr><Nm>Kari Kreditor</Nm></Cdtr></RltdPties><RtrInf><Rsn><Cd>MS03</Cd></Rsn></RtrInf></TxDtls>
            """
        let transaction = try #require(try readCamt(camt053(entry("53.00", "DBIT", details: details))).entries.first?.transactions.first)
        #expect(transaction.payerName == "Ola Debitor")
        #expect(transaction.payerIban == "NO0211112222")
    }

    @Test func theXXXCurrencyOfTestFilesIsRead() throws {
        let text = camt053(entry().replacingOccurrences(of: "Ccy=\"NOK\"", with: "Ccy=\"XXX\""))
        #expect(try readCamt(text).entries.first?.amount.currency.code == "XXX")
    }
}
