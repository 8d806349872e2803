import Foundation
import Testing
import ReconCore
@testable import ReconFormats

/// The ZIP reading under exceptions.xlsx refuses, with a message, what made ZIPFoundation loop
/// forever (a cut-off deflate stream, found by fuzzing) and what would flood memory.
@Suite struct ZipReaderTests {
    static let text = String(repeating: "<row>exception, decision, note</row>", count: 200)
    static let zip = try! ZipPackage.build([("xl/worksheets/sheet1.xml", Array(text.utf8))])

    /// The archive with the central directory's 32-bit field at `field` (an offset inside the
    /// entry: 16 CRC, 20 compressed size, 24 uncompressed size) set to `value`.
    static func patched(field: Int, _ value: UInt32) -> [UInt8] {
        var bytes = zip
        let signature: [UInt8] = [0x50, 0x4B, 1, 2]
        let directory = (0...(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == signature }!
        for index in 0..<4 { bytes[directory + field + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        return bytes
    }

    static func read(_ bytes: [UInt8]) throws -> [UInt8]? {
        try ZipReader(path: "w.xlsx", bytes: bytes).part("xl/worksheets/sheet1.xml")
    }

    @Test func readsWhatReconWrote() throws {
        #expect(try Self.read(Self.zip).map { String(decoding: $0, as: UTF8.self) } == Self.text)
        #expect(try ZipReader(path: "w.xlsx", bytes: Self.zip).part("xl/nothing.xml") == nil)
    }

    @Test func aCutOffStreamIsAnErrorNotALoop() throws {
        let compressed = Self.zip.count / 4
        let findings = readError { _ = try Self.read(Self.patched(field: 20, UInt32(compressed))) }
        #expect(findings.map(\.description) == ["w.xlsx:xl/worksheets/sheet1.xml:1: the compressed data ends before its stream does: cut off or damaged"])
    }

    @Test func aPartMayNotGrowPastItsDeclaredSize() {
        let findings = readError { _ = try Self.read(Self.patched(field: 24, 100)) }
        #expect(findings.map(\.description) == ["w.xlsx:xl/worksheets/sheet1.xml:1: the part inflates to more than the 100 bytes its header says"])
        let huge = readError { _ = try Self.read(Self.patched(field: 24, UInt32.max)) }
        #expect(huge.map(\.description) == ["w.xlsx:xl/worksheets/sheet1.xml:1: part of 4294967295 bytes, over the limit of 536870912"])
    }

    @Test func aDamagedPartFailsItsChecksum() {
        let findings = readError { _ = try Self.read(Self.patched(field: 16, 0x1234_5678)) }
        #expect(findings.map(\.description) == ["w.xlsx:xl/worksheets/sheet1.xml:1: the part's CRC-32 does not match: damaged"])
    }

    @Test func notAZipAtAll() {
        let findings = readError { _ = try Self.read(Array("PK\u{3}\u{4} and then nothing".utf8)) }
        #expect(findings.map(\.description) == ["w.xlsx:1: not a readable .xlsx (ZIP) file: no end of central directory"])
    }
}
