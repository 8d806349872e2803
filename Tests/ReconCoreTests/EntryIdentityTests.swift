import Testing
import ReconCore
import ReconTestSupport

/// Each transaction's stable id: from the bank's reference and the TxDtls index, or a content hash;
/// a repeat numbered `~2`. An id kept as its parts (account, bank reference, index) is the id made
/// of them: read, compared, hashed and told apart from repeats as the string would be.
@Suite struct EntryIdentityTests {
    let date = CalendarDate(iso: "2025-03-10")!
    let origin = SourceLocation(file: "bank.csv", line: 7)
    let texts = TextBytes()

    func parts(account: String = "NO9386011117947", bankRef: String = "20250102000000001", index: Int = 1) -> BankTransaction {
        BankTransaction(entryIdIndex: index, bankRef: bankRef, account: account, amount: Money(minorUnits: 500, currency: .NOK),
                        bookingDate: date, valueDate: nil, status: .booked, texts: texts, origin: origin)
    }

    func made(_ id: String, account: String = "NO9386011117947", bankRef: String = "20250102000000001") -> BankTransaction {
        BankTransaction(entryId: id, bankRef: bankRef, account: account, amount: Money(minorUnits: 500, currency: .NOK),
                        bookingDate: date, valueDate: nil, status: .booked, texts: texts, origin: origin)
    }

    @Test func theIdOfItsPartsIsTheIdMadeOfThem() {
        let id = "NO9386011117947/20250102000000001/1"
        #expect(EntryIdentity.base(account: "NO9386011117947", reference: "20250102000000001", index: 1) == id)
        #expect(parts().entryId == id)
        #expect(parts(account: "").entryId == "-/20250102000000001/1", "no account is written as -")
        #expect(parts(index: 12).entryId == "NO9386011117947/20250102000000001/12")
        #expect(parts() == made(id) && made(id) == parts())
        #expect(parts().hashValue == made(id).hashValue)
        #expect(Set([parts(), made(id), parts()]).count == 1)
        #expect(parts() != made(id + "~2") && made(id + "~2") != parts())
        #expect(parts(index: 2) != parts() && parts(bankRef: "20250102000000002") != parts())
    }

    @Test func theIdStaysWhenItsPartsChange() {
        let id = parts().entryId
        var moved = parts()
        moved.bankRef = "OTHER"
        #expect(moved.entryId == id && moved.bankRef == "OTHER")
        var renamed = parts()
        renamed.account = "SE4550000000058398257466"
        #expect(renamed.entryId == id && renamed.account == "SE4550000000058398257466")
        var kept = parts()
        kept.keepEntryId()
        #expect(kept.entryId == id && kept == parts() && kept.hashValue == parts().hashValue)
        var replaced = parts()
        replaced.entryId = id + "~2"
        #expect(replaced.entryId == id + "~2" && replaced != parts())

        let original = parts()
        var copy = original
        copy.bankRef = nil
        copy.keepEntryId()
        #expect(original.entryId == id && original.bankRef == "20250102000000001" && original == parts())
        #expect(copy.entryId == id && copy.bankRef == nil)
    }

    /// The hash a reader makes of the parts on the stack is the hash of the id's string, so that
    /// an id kept as parts and one kept as a string are one id to the repeat check.
    @Test func theHashOfThePartsIsTheHashOfTheId() {
        var random = SplitMix64(seed: 36)
        let alphabet = Array("ABCXYZ0123456789-/. æøå".utf8)
        func text(_ most: Int) -> String {
            String(decoding: (0..<Int.random(in: 0...most, using: &random)).map { _ in alphabet.randomElement(using: &random)! },
                   as: UTF8.self)
        }
        for _ in 0..<2_000 {
            let account = text(34), reference = text(40), index = Int.random(in: 0...10_000, using: &random)
            let id = EntryIdentity.base(account: account, reference: reference, index: index)
            #expect(EntryIdentity.hashOfBase(account: account, reference: reference, index: index) == EntryIdentity.hash(of: id),
                    "\(id)")
        }
        #expect(EntryIdentity.hashOfBase(account: "A", reference: "B", index: 1)
                != EntryIdentity.hashOfBase(account: "A", reference: "B", index: 2))
    }

    @Test func aRepeatOfAnIdKeptAsItsPartsIsNumbered() {
        var identity = EntryIdentity()
        var first = parts(), second = parts(), other = made("NO9386011117947/20250102000000002/1")
        let hash = EntryIdentity.hashOfBase(account: "NO9386011117947", reference: "20250102000000001", index: 1)
        identity.assignKeepingBase(&first, hash: hash)
        identity.assignKeepingBase(&other, hash: EntryIdentity.hash(of: other.entryId))
        identity.assignKeepingBase(&second, hash: hash)
        #expect(first.entryId == "NO9386011117947/20250102000000001/1")
        #expect(second.entryId == "NO9386011117947/20250102000000001/1~2")
        #expect(other.entryId == "NO9386011117947/20250102000000002/1")
    }

    @Test func identicalPaymentsInOneFileStayTwo() {
        var identity = EntryIdentity()
        var first = payment("10.00", text: "same")
        var second = payment("10.00", text: "same")
        identity.assign(&first, entryReference: nil, index: 1)
        identity.assign(&second, entryReference: nil, index: 1)
        #expect(first.entryId != second.entryId)
        #expect(second.entryId == first.entryId + "~2")
        #expect(first.entryId.hasPrefix("NO00TEST/H"))
    }

    @Test func theSameFileReadTwiceGivesTheSameIds() {
        func ids() -> [String] {
            var identity = EntryIdentity()
            return ["a", "a", "b"].map { text in
                var transaction = payment("1.00", text: text)
                identity.assign(&transaction, entryReference: nil, index: 1)
                return transaction.entryId
            }
        }
        #expect(ids() == ids())
    }

    @Test func usesTheBankReferenceAndTxDtlsIndex() {
        var identity = EntryIdentity()
        var transaction = payment("1.00")
        identity.assign(&transaction, entryReference: "ACSR-1", index: 3)
        #expect(transaction.entryId == "NO00TEST/ACSR-1/3")
    }
}
