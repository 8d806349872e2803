import Foundation
import Testing
import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// The camt reader runs libxml2 on a thread of its own and hands what it found over in batches.
/// What comes out — the records in order, the warnings, the error and where reading stopped —
/// must be what one thread gives, whatever the batches' size.
@Suite struct CamtThreadingTests {
    /// Everything one read gives.
    struct Read: Equatable, CustomStringConvertible {
        var records: [AnyHashable] = []
        var warnings: [Finding] = []
        var format: String?
        var error: String?

        var description: String { "\(records.count) records, \(warnings.count) warnings, error \(error ?? "none")" }
    }

    /// Three events and eight bytes a batch: a hand-over every few elements, and texts that
    /// make a batch grow.
    static let tiny = CamtEventBatch.Size(events: 3, bytes: 8)

    static func read(_ source: any ByteSource, threaded: Bool, size: CamtEventBatch.Size = .init(),
                     stopAt stop: Int = .max) -> Read {
        var read = Read()
        let reader = CamtReader(source: source, threaded: threaded, batchSize: size)
        do {
            try reader.forEachRecord { record in
                switch record {
                case .statement(let info): read.records.append(AnyHashable(info))
                case .entry(let entry): read.records.append(AnyHashable(entry))
                }
                if read.records.count == stop { throw Stop() }
            }
        } catch {
            read.error = "\(error)"
        }
        read.warnings = reader.warnings
        read.format = reader.format
        return read
    }

    struct Stop: Error {}

    static func read(_ bytes: [UInt8], threaded: Bool, size: CamtEventBatch.Size = .init(), stopAt stop: Int = .max) -> Read {
        read(MemoryByteSource(bytes, path: "s.xml"), threaded: threaded, size: size, stopAt: stop)
    }

    /// Every XML file of the fixtures and of the shared corpus (when it is there).
    static let files: [String] = {
        var roots = [TestPaths.root + "/fixtures"]
        if let corpus = TestPaths.externalCorpus { roots.append(corpus) }
        var files: [String] = []
        for root in roots {
            let walker = FileManager.default.enumerator(atPath: root)
            while let relative = walker?.nextObject() as? String {
                if relative.lowercased().hasSuffix(".xml") { files.append(root + "/" + relative) }
            }
        }
        return files.sorted()
    }()

    @Test func everyXMLFileReadsAsOnOneThread() throws {
        // The fixtures alone hold 8 XML files, 2 of them with entries; the corpus adds 78 (a clean
        // checkout without ../shared beside it reads the fixtures only, and must pass too).
        #expect(Self.files.count >= (TestPaths.hasCorpus ? 10 : 8))
        var compared = 0
        for path in Self.files {
            let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
            let alone = Self.read(bytes, threaded: false)
            #expect(Self.read(bytes, threaded: true) == alone, "\(path)")
            #expect(Self.read(bytes, threaded: true, size: Self.tiny) == alone, "\(path) in tiny batches")
            compared += alone.records.isEmpty ? 0 : 1
        }
        #expect(compared >= (TestPaths.hasCorpus ? 5 : 2))
    }

    /// 4,000 entries: about twenty batches of the usual size.
    static let many = Array(camt053(CamtStreamingTests.entries(4000)).utf8)

    @Test func manyBatchesGiveTheSameRecords() {
        let alone = Self.read(Self.many, threaded: false)
        #expect(alone.records.count == 4001)
        #expect(alone.error == nil)
        #expect(Self.read(Self.many, threaded: true) == alone)
        #expect(Self.read(Self.many, threaded: true, size: CamtEventBatch.Size(events: 17, bytes: 100)) == alone)
    }

    @Test(arguments: [1, 2, 1500, 4000])
    func theCallerStoppingEndsTheReadThere(stop: Int) {
        // The scanner is batches ahead when the caller throws: it must stop, and nothing more be delivered.
        let threaded = Self.read(Self.many, threaded: true, stopAt: stop)
        #expect(threaded.records.count == stop)
        #expect(threaded.error == "\(Stop())")
        #expect(threaded == Self.read(Self.many, threaded: false, stopAt: stop))
        #expect(Self.read(Self.many, threaded: true, size: Self.tiny, stopAt: stop) == threaded)
    }

    @Test func anXMLErrorLateInTheFileComesAfterTheRecordsBeforeIt() throws {
        var text = camt053(CamtStreamingTests.entries(3000))
        let cut = try #require(text.range(of: "REF-2500<"))
        text.replaceSubrange(cut, with: "REF-2500<<")
        let threaded = Self.read(Array(text.utf8), threaded: true)
        #expect(threaded.records.count == 2500)  // the statement and entries 1 to 2,499
        #expect(threaded.error?.contains("malformed XML") == true)
        #expect(threaded == Self.read(Array(text.utf8), threaded: false))
    }

    @Test func anInputFailureLateInTheFileIsPassedOn() {
        func read(threaded: Bool) -> Read {
            let source = CamtStreamingTests.PiecewiseSource(camt053(CamtStreamingTests.entries(4000)), piece: 4096)
            source.failAfter = 1 << 20
            return Self.read(source, threaded: threaded)
        }
        let threaded = read(threaded: true)
        #expect(threaded.error == "\(ReadError.io(path: "s.xml", message: "device gone"))")
        #expect(threaded.records.count > 100)
        #expect(threaded == read(threaded: false))
    }

    @Test func aTextLargerThanABatchIsKeptWhole() throws {
        let long = String(repeating: "Faktura 100 ", count: 40_000)  // 480 KB, within the 1 MiB limit
        let text = camt053(creditV02.replacing("<Ustrd>Faktura 100</Ustrd>", with: "<Ustrd>\(long)</Ustrd>"))
        let threaded = Self.read(Array(text.utf8), threaded: true)
        let entry = try #require(threaded.records.last?.base as? BankEntry)
        #expect(entry.transactions.first?.text == long + "23 takk")  // the two Ustrd run together, as ever
        #expect(threaded == Self.read(Array(text.utf8), threaded: false))
    }
}
