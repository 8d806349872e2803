import Foundation
import Testing
import ZIPFoundation
@testable import ReconFormats

/// recon's ZIP writer against ZIPFoundation's, which wrote exceptions.xlsx before: the same bytes
/// for the same parts, however the parts are handed over.
@Suite struct ZipWriterTests {
    /// What `ZipPackage` wrote through ZIPFoundation until the writer streamed.
    static func throughZIPFoundation(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800), permissions: 0o644,
                                 compressionMethod: .deflate) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return [UInt8](try #require(archive.data))
    }

    /// Sheet-like text of about `rows` × 60 bytes, and bytes that do not compress, both seeded.
    static func sheet(rows: Int) -> [UInt8] {
        var text = ""
        var state: UInt64 = 42
        for row in 1...rows {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(state >> 40)</v></c><c t=\"b\"><v>1</v></c></row>"
        }
        return Array(text.utf8)
    }

    static func noise(count: Int) -> [UInt8] {
        var state: UInt64 = 7
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test func writesTheBytesZIPFoundationWrote() throws {
        let parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array("<Types/>".utf8)), ("empty.xml", []),
            ("xl/worksheets/sheet1.xml", Self.sheet(rows: 50_000)), ("xl/media/noise.bin", Self.noise(count: 300_000)),
            ("xl/worksheets/Ærø.xml", Array("<worksheet/>".utf8)),
        ]
        let ours = try ZipPackage.build(parts, level: .zlibDefault)
        // Compared as one truth value: a failing `#expect` on two arrays diffs them, for minutes.
        let sameAsZIPFoundation = ours == (try Self.throughZIPFoundation(parts))
        #expect(sameAsZIPFoundation)
        // At the level recon writes, the same parts come back, in a smaller or equal number of
        // bytes than stored.
        let fast = try ZipPackage.build(parts)
        #expect(fast != ours && fast.count < parts.reduce(0) { $0 + $1.1.count })
        for archive in [ours, fast] {
            let reader = try ZipReader(path: "w.xlsx", bytes: archive)
            for (path, bytes) in parts {
                let same = try reader.part(path) == bytes
                #expect(same, "\(path)")
            }
        }
    }

    /// The pieces cross `Deflater.blockSize` in every way: igzip, left to itself, deflates the
    /// same bytes differently when they come in other pieces.
    @Test func piecesOfAnySizeGiveTheSameBytes() throws {
        let sheet = Self.sheet(rows: 20_000)
        #expect(sheet.count > 4 * Deflater.blockSize)
        let whole = try ZipPackage.build([("sheet.xml", sheet)])
        for growth in [1, 3, 1000] {
            var archive: [UInt8] = []
            var writer = ZipWriter(path: "w.xlsx") { archive += $0 }
            try writer.add("sheet.xml") { part in
                var start = 0, length = 1
                while start < sheet.count {
                    let end = min(sheet.count, start + length)
                    try part.write(Array(sheet[start..<end]))
                    start = end
                    length = length * growth + 7
                }
            }
            try writer.finish()
            let same = archive == whole
            #expect(same, "pieces growing ×\(growth)")
        }
    }
}
