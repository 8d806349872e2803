@testable import ReconFormats

/// A ZIP package built in memory from whole parts, through recon's `ZipWriter` (for tests that
/// need a workbook or a ZIP of their own).
enum ZipPackage {
    static func build(_ parts: [(path: String, bytes: [UInt8])], level: Deflater.Level = .fast) throws -> [UInt8] {
        var archive: [UInt8] = []
        var writer = ZipWriter(path: "exceptions.xlsx", level: level) { archive += $0 }
        for part in parts { try writer.add(part.path, bytes: part.bytes) }
        try writer.finish()
        return archive
    }
}
