import Testing
import ReconCore
import ReconTestSupport
@testable import ReconFormats

/// What the workbook reader makes of odd sheets a person (or a fuzzer) can produce.
@Suite struct XlsxSheetTests {
    /// Found by fuzzing: `<row r="0">` put a finding on line 0.
    @Test func aRowNumberBelowOneCountsAsTheNextRow() throws {
        let sheet = "<worksheet><sheetData><row r=\"0\"><c t=\"inlineStr\"><is><t>exception_id</t></is></c></row></sheetData></worksheet>"
        let temporary = TemporaryDirectory()
        let path = temporary.write("w.xlsx", bytes: try ZipPackage.build([
            ("xl/workbook.xml", Array("<workbook><sheets><sheet name=\"Exceptions\" id=\"r1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Array("<Relationships><Relationship Id=\"r1\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8)),
            ("xl/worksheets/sheet1.xml", Array(sheet.utf8)),
        ]))
        #expect(try XlsxSheet.read(path: path, sheetName: "Exceptions").rows.map(\.number) == [1])
        #expect(readError { _ = try DecisionsReader.read(path: path) }.map(\.description)
                == ["\(path):1: sheet 'Exceptions': missing required column: decision"])
    }
}
