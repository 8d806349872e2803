import Foundation
import ReconCore
import ZIPFoundation

/// Reads the parts of a ZIP file (an .xlsx) from memory, refusing what would hang or flood recon.
///
/// ZIPFoundation's reading side was found by fuzzing (`make fuzz`, target `decisions-xlsx`) to
/// loop forever on Linux when a deflate stream is cut off: its inflate loop asks the file for
/// more bytes until the stream ends, and at the end of the file gets empty chunks forever. So the
/// central directory and local headers are read here (about a page of the ZIP format), and each
/// part is inflated with ZIPFoundation's `Data.decompress` fed by a provider that stops at the
/// part's own bytes. Declared sizes are checked first and enforced while inflating (a part may not
/// grow past what it declares, nor past `maxPartBytes`: no zip bomb), and the CRC-32 is checked.
/// ZIP64, encryption and methods other than stored and deflate are refused.
struct ZipReader {
    struct Entry {
        var name: String
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        var flags: UInt16
    }

    /// No part of a workbook recon reads back is anywhere near this (a 30,000-row exception sheet
    /// is about 40 MB).
    static let maxPartBytes = 512 << 20

    let path: String
    let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]

    init(path: String, bytes: [UInt8]) throws {
        self.path = path
        self.bytes = bytes
        // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        guard bytes.count >= 22,
              let end = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: { uint32($0) == 0x0605_4B50 })
        else { throw problem("no end of central directory") }
        let count = Int(uint16(end + 10)), size = Int(uint32(end + 12)), start = Int(uint32(end + 16))
        guard count != 0xFFFF, start != 0xFFFF_FFFF else { throw problem("ZIP64 archives are not supported") }
        guard start <= end, size <= end - start else { throw problem("the central directory lies outside the file") }
        var offset = start
        for _ in 0..<count {
            guard offset + 46 <= end, uint32(offset) == 0x0201_4B50 else { throw problem("a broken central directory entry") }
            let nameLength = Int(uint16(offset + 28)), extraLength = Int(uint16(offset + 30))
            let commentLength = Int(uint16(offset + 32))
            guard offset + 46 + nameLength <= end else { throw problem("a broken central directory entry") }
            let entry = Entry(name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                              method: uint16(offset + 10), crc: uint32(offset + 16),
                              compressedSize: Int(uint32(offset + 20)), uncompressedSize: Int(uint32(offset + 24)),
                              localHeaderOffset: Int(uint32(offset + 42)), flags: uint16(offset + 8))
            entries[entry.name] = entries[entry.name] ?? entry
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The uncompressed bytes of `name`, or nil when the archive has no such part.
    func part(_ name: String) throws -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let location = path + ":" + name
        func fail(_ message: String) -> ReadError { .invalid(SourceLocation(file: location, line: 1), message) }
        guard entry.flags & 1 == 0 else { throw fail("encrypted parts are not supported") }
        guard entry.uncompressedSize <= Self.maxPartBytes else {
            throw fail("part of \(entry.uncompressedSize) bytes, over the limit of \(Self.maxPartBytes)")
        }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, uint32(header) == 0x0403_4B50 else { throw fail("no local header where the directory says") }
        let dataStart = header + 30 + Int(uint16(header + 26)) + Int(uint16(header + 28))
        guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
            throw fail("the part's data runs past the end of the file")
        }
        let data = bytes[dataStart..<(dataStart + entry.compressedSize)]
        var output: [UInt8] = []
        output.reserveCapacity(entry.uncompressedSize)
        let crc: UInt32
        switch entry.method {
        case 0:
            output = Array(data)
            crc = Data(output).crc32(checksum: 0)
        case 8:
            crc = try Self.inflate(data, into: &output, limit: entry.uncompressedSize, fail: fail)
        default:
            throw fail("compression method \(entry.method) is not supported (stored or deflate)")
        }
        guard output.count == entry.uncompressedSize else {
            throw fail("the part has \(output.count) bytes, its header says \(entry.uncompressedSize)")
        }
        guard crc == entry.crc else { throw fail("the part's CRC-32 does not match: damaged") }
        return output
    }

    /// Inflates `data` with ZIPFoundation, handing it the whole compressed part as one chunk —
    /// zlib is told the chunk size it asked for, whatever the chunk holds, so asking for exactly
    /// the part's size keeps it inside the part — and an error when it asks for more: a cut-off
    /// stream ends in an error instead of a loop.
    private static func inflate(_ data: ArraySlice<UInt8>, into output: inout [UInt8], limit: Int,
                                fail: (String) -> ReadError) throws -> UInt32 {
        struct CutOff: Error {}
        struct TooBig: Error {}
        var produced: [UInt8] = []
        do {
            guard !data.isEmpty else { throw CutOff() }
            let crc = try Data.decompress(size: Int64(data.count), bufferSize: data.count, skipCRC32: false, provider: { position, _ in
                guard position == 0 else { throw CutOff() }
                return Data(data)
            }, consumer: { chunk in
                guard produced.count + chunk.count <= limit else { throw TooBig() }
                produced.append(contentsOf: chunk)
            })
            output = produced
            return crc
        } catch is CutOff {
            throw fail("the compressed data ends before its stream does: cut off or damaged")
        } catch is TooBig {
            throw fail("the part inflates to more than the \(limit) bytes its header says")
        } catch {
            throw fail("cannot inflate: \(error)")
        }
    }

    private func uint16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
    private func uint32(_ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    private func problem(_ message: String) -> ReadError {
        .invalid(SourceLocation(file: path, line: 1), "not a readable .xlsx (ZIP) file: \(message)")
    }
}
