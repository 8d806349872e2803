import ReconCore

/// The columns of a CSV file with a header row: names matched case-insensitively, in any order.
public struct CSVHeader {
    /// Column index by lowercased name.
    public private(set) var columns: [String: Int] = [:]
    public private(set) var names: [String] = []
    public let fieldCount: Int

    /// Reads the header from the reader's current record. Duplicate names are an error.
    public init(reader: CSVReader) throws {
        fieldCount = reader.fieldCount
        var findings: [Finding] = []
        for index in 0..<reader.fieldCount {
            let name = try reader.text(index).trimmingASCIISpaces().lowercased()
            names.append(name)
            if let first = columns[name] {
                findings.append(Finding(reader.location(ofField: index),
                                        "column '\(name)' appears twice (first as column \(first + 1))"))
            } else if !name.isEmpty {
                columns[name] = index
            }
        }
        if !findings.isEmpty { throw ReadError.invalid(findings) }
    }

    /// The same header in storage of its own, for another thread to count references to.
    func unshared() -> CSVHeader {
        var copy = self
        copy.columns = [:]
        for (name, index) in columns { copy.columns[name.unshared()] = index }
        copy.names = names.map { $0.unshared() }
        return copy
    }

    /// Checks that `required` columns exist; returns warnings for columns not in `known`.
    public func validate(required: [String], known: Set<String>, location: SourceLocation) throws -> [Finding] {
        let missing = required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            let list = missing.joined(separator: ", ")
            throw ReadError.invalid(location, "missing required column\(missing.count > 1 ? "s" : ""): \(list)")
        }
        return names.enumerated().filter { !known.contains($0.element) }.map { index, name in
            Finding(SourceLocation(file: location.file, line: location.line, column: nil),
                    "unknown column '\(name)' (column \(index + 1)) ignored")
        }
    }

    public subscript(name: String) -> Int? { columns[name] }
}

public enum CSVDialect {
    /// `,` or `;`, whichever occurs outside quotes in the header line (`,` when neither does).
    public static func detectDelimiter(headerLine: [UInt8], candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";")]) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in headerLine {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if !inQuotes, let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        return counts[best] > 0 ? candidates[best] : candidates[0]
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
