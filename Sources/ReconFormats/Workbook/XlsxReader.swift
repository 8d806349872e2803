import ReconCore

/// One worksheet of an .xlsx file as text cells: enough to read a reviewed exception report back,
/// whoever saved it (recon's inline strings, Excel's and LibreOffice's shared strings, numbers,
/// booleans, formula results). Parts are unpacked by `ZipReader` and parsed by `SafeXMLParser`.
public struct XlsxSheet: Sendable {
    public struct Row: Sendable {
        /// The 1-based row number in the sheet.
        public var number: Int
        /// Cell text by 0-based column index; numbers as written in the file (`80003`, `45821`).
        public var cells: [Int: String]
    }

    public var name: String
    public var rows: [Row]

    /// Reads the sheet called `sheetName`, or the first sheet when there is none of that name.
    public static func read(path: String, sheetName: String) throws -> XlsxSheet {
        let file = try FileByteSource(path: path)
        if let size = file.size, size > ReadLimits.defaultMaxFileBytes {
            throw ReadError.invalid(SourceLocation(file: path, line: 1),
                                    "file is \(size) bytes, over the limit of \(ReadLimits.defaultMaxFileBytes)")
        }
        let archive = try ZipReader(path: path, bytes: file.readAll())
        func part(_ name: String) throws -> [UInt8]? { try archive.part(name) }
        func required(_ name: String) throws -> [UInt8] {
            guard let bytes = try part(name) else {
                throw ReadError.invalid(SourceLocation(file: path, line: 1), "not a workbook: \(name) is missing")
            }
            return bytes
        }
        let workbook = XlsxWorkbookHandler()
        try XlsxXML.parse(required("xl/workbook.xml"), path: path + ":xl/workbook.xml", handler: workbook)
        let relationships = XlsxRelationshipsHandler()
        try XlsxXML.parse(required("xl/_rels/workbook.xml.rels"), path: path + ":xl/_rels/workbook.xml.rels",
                          handler: relationships)
        guard let sheet = workbook.sheets.first(where: { $0.name == sheetName }) ?? workbook.sheets.first,
              let target = relationships.targets[sheet.relationshipId] else {
            throw ReadError.invalid(SourceLocation(file: path, line: 1), "the workbook has no worksheet")
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        var shared: [String] = []
        if let bytes = try part("xl/sharedStrings.xml") {
            let handler = XlsxSharedStringsHandler()
            try XlsxXML.parse(bytes, path: path + ":xl/sharedStrings.xml", handler: handler)
            shared = handler.strings
        }
        let cells = XlsxSheetHandler(sharedStrings: shared)
        try XlsxXML.parse(required(sheetPath), path: path + ":" + sheetPath, handler: cells)
        return XlsxSheet(name: sheet.name, rows: cells.rows)
    }

    /// `A` → 0, `AB` → 27: the column of a cell reference such as `AB12`.
    static func columnIndex(of reference: String) -> Int? {
        var index = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar >= "A" && scalar <= "Z" else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}

/// Feeds a part's bytes to a `SafeXMLParser`.
enum XlsxXML {
    static func parse(_ bytes: [UInt8], path: String, handler: any XMLHandler) throws {
        let parser = SafeXMLParser(path: path, handler: handler)
        try bytes.withUnsafeBytes { try parser.feed($0, isLast: true) }
    }

    static func string(_ text: UnsafeBufferPointer<UInt8>) -> String { String(decoding: text, as: UTF8.self) }

    static func attribute(_ attributes: XMLAttributes, _ name: StaticString) -> String? {
        attributes.value(of: name).map(string)
    }
}

/// `xl/workbook.xml`: the sheets' names and relationship ids, in order.
final class XlsxWorkbookHandler: XMLHandler {
    var sheets: [(name: String, relationshipId: String)] = []

    func startElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes) {
        guard XMLName.equals(localName, "sheet"), let name = XlsxXML.attribute(attributes, "name"),
              let id = XlsxXML.attribute(attributes, "id") else { return }
        sheets.append((name, id))
    }
    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// `xl/_rels/workbook.xml.rels`: relationship id → target part.
final class XlsxRelationshipsHandler: XMLHandler {
    var targets: [String: String] = [:]

    func startElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes) {
        guard XMLName.equals(localName, "Relationship"), let id = XlsxXML.attribute(attributes, "Id"),
              let target = XlsxXML.attribute(attributes, "Target") else { return }
        targets[id] = target
    }
    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// `xl/sharedStrings.xml`: each `si` is the text of its `t` elements (rich-text runs joined),
/// without phonetic hints (`rPh`).
final class XlsxSharedStringsHandler: XMLHandler {
    var strings: [String] = []
    private var current: [UInt8] = []
    private var inText = false
    private var inPhonetic = false

    func startElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes) {
        if XMLName.equals(localName, "si") { current = [] }
        else if XMLName.equals(localName, "rPh") { inPhonetic = true }
        else if XMLName.equals(localName, "t") { inText = !inPhonetic }
    }
    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        if XMLName.equals(localName, "si") { strings.append(String(decoding: current, as: UTF8.self)) }
        else if XMLName.equals(localName, "rPh") { inPhonetic = false }
        else if XMLName.equals(localName, "t") { inText = false }
    }
    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if inText { current += text }
    }
}

/// A worksheet's cells: shared strings (`t="s"`), inline strings, booleans, formula strings and
/// numbers, by row.
final class XlsxSheetHandler: XMLHandler {
    private let sharedStrings: [String]
    private(set) var rows: [XlsxSheet.Row] = []
    private var rowNumber = 0
    private var column = 0
    private var type = ""
    private var text: [UInt8] = []
    private var collecting = false

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    func startElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes) {
        if XMLName.equals(localName, "row") {
            // Rows are numbered from 1; a number that is not (`r="0"`) is taken as the next row.
            rowNumber = XlsxXML.attribute(attributes, "r").flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil } ?? rowNumber + 1
            rows.append(XlsxSheet.Row(number: rowNumber, cells: [:]))
            column = -1
        } else if XMLName.equals(localName, "c") {
            column = XlsxXML.attribute(attributes, "r").flatMap(XlsxSheet.columnIndex) ?? column + 1
            type = XlsxXML.attribute(attributes, "t") ?? "n"
            text = []
        } else if XMLName.equals(localName, "v") || XMLName.equals(localName, "t") {
            collecting = true
        }
    }

    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        if XMLName.equals(localName, "v") || XMLName.equals(localName, "t") {
            collecting = false
        } else if XMLName.equals(localName, "c"), !rows.isEmpty {
            let raw = String(decoding: text, as: UTF8.self)
            let value: String
            switch type {
            case "s": value = Int(raw).flatMap { $0 >= 0 && $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
            case "b": value = raw == "1" ? "TRUE" : "FALSE"
            default: value = raw
            }
            if !value.isEmpty { rows[rows.count - 1].cells[column] = value }
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if collecting { self.text += text }
    }
}
