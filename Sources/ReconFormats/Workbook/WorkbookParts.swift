/// The fixed parts of recon's workbooks: content types, relationships, workbook and styles.
enum WorkbookParts {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheets: Int) -> String {
        var xml = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 1...sheets {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        return xml + "</Types>"
    }

    static let packageRelationships = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbookRelationships(sheets: Int) -> String {
        var xml = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...sheets {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// `filters`: per sheet, the autofilter range (`$A$1:$S$7`) or nil.
    static func workbook(sheetNames: [String], filters: [String?]) -> String {
        var xml = header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            xml += "<sheet name=\"\(SheetWriter.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        let names = filters.enumerated().compactMap { index, range in
            range.map { "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">'\(sheetNames[index])'!\($0)</definedName>" }
        }
        if !names.isEmpty { xml += "<definedNames>" + names.joined() + "</definedNames>" }
        return xml + "</workbook>"
    }

    /// Fonts: normal, bold. Fills: none, gray125 (both required), grey, yellow. Number formats:
    /// ISO dates and 0–4 decimals without grouping (so that every locale reads the amounts back).
    static let styles: String = {
        var xml = header + "<styleSheet xmlns=\"\(mainNamespace)\">"
        xml += "<numFmts count=\"6\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
        let amounts = ["0", "0.0", "0.00", "0.000", "0.0000"]
        for (index, code) in amounts.enumerated() { xml += "<numFmt numFmtId=\"\(165 + index)\" formatCode=\"\(code)\"/>" }
        xml += "</numFmts>"
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        xml += "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"10\">"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
        xml += "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\"/>"
        xml += "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        for index in 0..<5 {
            xml += "<xf numFmtId=\"\(165 + index)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }()

    /// A worksheet around `sheet`'s rows: frozen header row, column widths, autofilter over the
    /// table, and `validations` (`<dataValidation>` elements).
    static func worksheet(_ sheet: SheetWriter, widths: [Int], freezeHeader: Bool, filter: String?,
                          validations: [String] = [], selected: Bool = false) -> [UInt8] {
        Array(worksheetStart(rows: sheet.rowCount, columns: sheet.columnCount, widths: widths,
                             freezeHeader: freezeHeader, selected: selected).utf8)
            + sheet.xml + Array(worksheetEnd(filter: filter, validations: validations).utf8)
    }

    /// A worksheet up to its first row, for a sheet of `rows` rows and `columns` columns.
    static func worksheetStart(rows: Int, columns: Int, widths: [Int], freezeHeader: Bool, selected: Bool) -> String {
        var xml = header + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        let last = SheetWriter.column(max(columns, 1) - 1) + String(max(rows, 1))
        xml += "<dimension ref=\"A1:\(last)\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if freezeHeader {
            xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>"
    }

    /// A worksheet after its last row.
    static func worksheetEnd(filter: String?, validations: [String]) -> String {
        var tail = "</sheetData>"
        if let filter { tail += "<autoFilter ref=\"\(filter)\"/>" }
        if !validations.isEmpty {
            tail += "<dataValidations count=\"\(validations.count)\">" + validations.joined() + "</dataValidations>"
        }
        tail += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return tail + "</worksheet>"
    }
}
