import Foundation
import ZIPFoundation

/// A ZIP package (an .xlsx is one) built in memory with ZIPFoundation, byte-identical for the
/// same parts: entries in the order given, every timestamp 1980-01-01 00:00 (the first DOS date),
/// permissions 0644, deflate.
enum ZipPackage {
    /// 1980-01-01T00:00:00Z; ZIPFoundation converts with gmtime, so the time zone does not matter.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static func build(_ parts: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            // ZIPFoundation asks for the part in chunks: each is copied out of the part's bytes, not
            // out of a whole copy of them (a sheet of a million-entry run is 240 MB).
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(part.bytes.count),
                                 modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate) { position, size in
                Data(part.bytes[Int(position)..<Int(position) + size])
            }
        }
        guard let data = archive.data else {
            throw WriteError(path: "exceptions.xlsx", message: "ZIPFoundation produced no archive")
        }
        return [UInt8](data)
    }
}
