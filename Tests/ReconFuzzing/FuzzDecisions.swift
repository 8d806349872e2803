import Foundation
import ReconCore
import ReconFormats
import ZIPFoundation

/// Reviewed exception reports, as `--decisions` reads them.
enum FuzzDecisions {
    static func csv(_ bytes: [UInt8]) throws -> [Finding] {
        try readOrRefuse { try check(DecisionsReader.read(MemoryByteSource(bytes, path: "fuzz.csv"))) }
    }

    /// A ZIP is the workbook itself; XML with `<sst` is the shared strings of a workbook whose
    /// sheet refers to them; other bytes are the `Exceptions` sheet of a well-formed workbook. So
    /// the mutations reach the XML inside instead of stopping at the ZIP's checksums.
    static func xlsx(_ bytes: [UInt8]) throws -> [Finding] {
        let workbook: [UInt8]
        if bytes.starts(with: [0x50, 0x4B]) {
            workbook = bytes
        } else if bytes.firstRange(of: Array("<sst".utf8)) != nil {
            workbook = try FuzzWorkbook.build(sheet: FuzzWorkbook.sharedStringSheet, sharedStrings: bytes)
        } else {
            workbook = try FuzzWorkbook.build(sheet: bytes, sharedStrings: nil)
        }
        let path = try ScratchFile.write(workbook, name: "decisions.xlsx")
        return try readOrRefuse { try check(DecisionsReader.read(path: path)) }
    }

    static func check(_ decisions: [Decision]) throws {
        for decision in decisions {
            try require(!decision.exceptionId.isEmpty, "a decision without its exception id at \(decision.origin)")
            try require(decision.origin.line >= 1, "a decision without its line: \(decision.origin)")
        }
    }
}

/// A minimal workbook (the parts `XlsxSheet` reads) around a fuzzed part.
enum FuzzWorkbook {
    static let workbookXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Exceptions" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let relationshipsXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """
    /// A header row and one decided row, every cell a shared string.
    static let sharedStringSheet = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c></row></sheetData></worksheet>
        """.utf8)

    static func build(sheet: [UInt8], sharedStrings: [UInt8]?) throws -> [UInt8] {
        var parts: [(String, Data)] = [("xl/workbook.xml", Data(workbookXML.utf8)),
                                       ("xl/_rels/workbook.xml.rels", Data(relationshipsXML.utf8)),
                                       ("xl/worksheets/sheet1.xml", Data(sheet))]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", Data(sharedStrings))) }
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw FuzzViolation("ZIPFoundation built no archive") }
        return [UInt8](data)
    }
}
