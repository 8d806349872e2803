import Foundation
import Testing
import ReconCore
import ReconApp
import ReconTestSupport

/// A camt.054 that details a batch booked as one camt.053 entry: the batch is matched at TxDtls level.
@Suite struct NotificationLinkingTests {
    static func camt053(_ entries: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt>
          <GrpHdr><MsgId>S</MsgId><CreDtTm>2025-03-31T18:00:00</CreDtTm></GrpHdr>
          <Stmt><Id>S-1</Id><Acct><Id><IBAN>CH0309000000250090342</IBAN></Id></Acct>
          \(entries)
          </Stmt></BkToCstmrStmt></Document>
        """
    }

    static let batch = """
        <Ntry><Amt Ccy="CHF">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
          <BookgDt><Dt>2025-03-10</Dt></BookgDt><ValDt><Dt>2025-03-11</Dt></ValDt><AcctSvcrRef>BATCH-1</AcctSvcrRef>
          <NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch></NtryDtls></Ntry>
        <Ntry><Amt Ccy="CHF">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
          <BookgDt><Dt>2025-03-10</Dt></BookgDt><AcctSvcrRef>SINGLE-2</AcctSvcrRef></Ntry>
        """

    static func camt054(amount: String = "300.00", reference: String = "<AcctSvcrRef>BATCH-1</AcctSvcrRef>") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04"><BkToCstmrDbtCdtNtfctn>
          <GrpHdr><MsgId>N</MsgId><CreDtTm>2025-03-10T08:00:00</CreDtTm></GrpHdr>
          <Ntfctn><Id>N-1</Id><Acct><Id><IBAN>CH0309000000250090342</IBAN></Id></Acct>
            <Ntry><Amt Ccy="CHF">\(amount)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>INFO</Sts>
              <BookgDt><Dt>2025-03-09</Dt></BookgDt>\(reference)
              <NtryDtls>
                <TxDtls><Amt Ccy="CHF">100.00</Amt><RltdPties><Dbtr><Nm>Pia Rutschmann</Nm></Dbtr></RltdPties>
                  <RmtInf><Strd><CdtrRefInf><Ref>210000000003139471430009017</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
                <TxDtls><Amt Ccy="CHF">200.00</Amt><RltdPties><Dbtr><Nm>Hans Kaufmann</Nm></Dbtr></RltdPties>
                  <RmtInf><Strd><CdtrRefInf><Ref>210000000003139471430009025</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
              </NtryDtls></Ntry>
          </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
        """
    }

    @Test func theBatchIsSplitIntoTheNotificationsTransactions() throws {
        let directory = TemporaryDirectory()
        let statement = directory.write("s.xml", Self.camt053(Self.batch))
        let notification = directory.write("n.xml", Self.camt054())
        for order in [[statement, notification], [notification, statement]] {
            let input = try BankInput.read(paths: order)
            #expect(input.transactions.map { $0.amount.formatted() } == ["100.00", "200.00", "50.00"])
            let first = try #require(input.transactions.first)
            #expect(first.entryId == "CH0309000000250090342/BATCH-1/1")
            #expect(input.transactions[1].entryId == "CH0309000000250090342/BATCH-1/2")
            #expect(first.structuredRef == "210000000003139471430009017")
            #expect(first.payerName == "Pia Rutschmann")
            #expect(first.bookingDate.description == "2025-03-10", "the statement's booking date")
            #expect(first.valueDate?.description == "2025-03-11")
            #expect(first.status == .booked, "the statement's status, not the notification's INFO")
            #expect(!input.warnings.contains { $0.message.contains("matches no entry") })
        }
    }

    /// A CSV file keeps no entries (it cannot take part in linking); its transactions keep their
    /// place among the camt files' when a batch is split.
    @Test func aCSVFileKeepsItsPlaceWhenABatchIsSplit() throws {
        let directory = TemporaryDirectory()
        let statement = directory.write("s.xml", Self.camt053(Self.batch))
        let notification = directory.write("n.xml", Self.camt054())
        let csv = directory.write("bank.csv", """
            Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto
            12.03.2025;Innbetaling faktura 10004;12.03.2025;;1 234,56
            13.03.2025;Husleie;13.03.2025;12 500,00;

            """)
        let amounts = { (paths: [String]) in try BankInput.read(paths: paths).transactions.map { $0.amount.formatted() } }
        #expect(try amounts([csv, statement, notification]) == ["1234.56", "-12500.00", "100.00", "200.00", "50.00"])
        #expect(try amounts([statement, csv, notification]) == ["100.00", "200.00", "50.00", "1234.56", "-12500.00"])
        #expect(try amounts([notification, statement, csv]) == ["100.00", "200.00", "50.00", "1234.56", "-12500.00"])
        #expect(try amounts([csv]) == ["1234.56", "-12500.00"])
    }

    @Test func aCommonEntryReferenceOrBatchIdLinksToo() throws {
        let directory = TemporaryDirectory()
        let statement = directory.write("s.xml", Self.camt053(Self.batch))
        let notification = directory.write("n.xml", Self.camt054(reference: "<NtryRef>BATCH-1</NtryRef>"))
        var counts: [Int] = []
        let input = try BankInput.read(paths: [statement, notification], progress: { counts.append($0) })
        #expect(input.transactions.count == 3)
        #expect(counts == [1, 2, 4], "transactions read so far, before the notification is linked")
    }

    /// Linked but no more detailed than the statement's entry (its TxDtls do not add up to it, so
    /// it reads as one transaction): the notification leaves the run, the rest keeps its order.
    @Test func aLinkedNotificationWithoutMoreDetailLeavesTheRun() throws {
        let directory = TemporaryDirectory()
        let statement = directory.write("s.xml", Self.camt053(Self.batch))
        let notification = directory.write("n.xml", Self.camt054(amount: "50.00", reference: "<AcctSvcrRef>SINGLE-2</AcctSvcrRef>"))
        for order in [[statement, notification], [notification, statement]] {
            let input = try BankInput.read(paths: order)
            #expect(input.transactions.map { $0.amount.formatted() } == ["300.00", "50.00"])
            #expect(input.transactions.map(\.entryId) == ["CH0309000000250090342/BATCH-1/1", "CH0309000000250090342/SINGLE-2/1"])
            #expect(input.transactions.allSatisfy { $0.status == .booked }, "the statement's entries, not the notification")
        }
    }

    @Test func aNotificationThatMatchesNothingIsKeptAndWarnedAbout() throws {
        let directory = TemporaryDirectory()
        let statement = directory.write("s.xml", Self.camt053(Self.batch))
        let notification = directory.write("n.xml", Self.camt054(amount: "301.00"))
        let input = try BankInput.read(paths: [statement, notification])
        #expect(input.transactions.map { $0.amount.formatted() } == ["300.00", "50.00", "301.00"],
                "amounts that do not agree are not linked")
        #expect(input.warnings.contains { $0.location.file == notification && $0.message.hasPrefix("camt.054 entry 301.00 CHF matches no entry") })
        let alone = try BankInput.read(paths: [notification])
        #expect(alone.transactions.count == 1)
        #expect(!alone.warnings.contains { $0.message.contains("matches no entry") })
    }

    @Test func reconcileSettlesEachPaymentOfTheBatch() throws {
        let directory = TemporaryDirectory()
        let statement = directory.write("s.xml", Self.camt053(Self.batch))
        let notification = directory.write("n.xml", Self.camt054())
        let invoices = directory.write("invoices.csv", """
            invoice_id,customer_id,currency,amount,invoice_date,reference
            A1,C1,CHF,100.00,2025-03-01,210000000003139471430009017
            A2,C2,CHF,200.00,2025-03-01,210000000003139471430009025

            """)
        let result = try runRecon(["reconcile", "--invoices", invoices, "--bank", statement, "--bank", notification,
                                   "--out", directory.path + "/out"])
        #expect(result.status == 0, "\(result.stderr)")
        let settlements = try #require(directory.read("out/settlements.csv"))
        #expect(settlements.contains("CH0309000000250090342/BATCH-1/1,BATCH-1,2025-03-10,A1,C1,CHF,100.00"))
        #expect(settlements.contains("CH0309000000250090342/BATCH-1/2,BATCH-1,2025-03-10,A2,C2,CHF,200.00"))
    }
}
