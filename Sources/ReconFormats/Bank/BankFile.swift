import ReconCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens bank files: checks the limits, detects the format from the content (never the name)
/// unless a profile is given, and hands back the reader.
public enum BankFile {
    /// How much of a file detection looks at.
    public static let headBytes = 64 * 1024

    /// The format of a file's first bytes.
    public enum Detection {
        case camt
        case mt940
        case csv(BankProfile)
        /// Nothing matched; what was tried, for the message.
        case unknown(tried: String)
    }

    /// Opens `path` with `profile` (a CSV or MT940 profile), or by detection.
    public static func open(path: String, profile: BankProfile? = nil, limits: ReadLimits = .standard) throws
        -> any BankStatementReader {
        try opened(path: path, profile: profile, limits: limits).reader
    }

    /// A file's reader, and about how many entries the file holds.
    public struct Opened {
        public var reader: any BankStatementReader
        /// The entries of the file's first bytes, scaled to its size (0 when none were seen): room
        /// for a whole file's entries made once instead of doubled a dozen times. A hint, never a limit.
        public var expectedEntries: Int
    }

    /// Opens `path` as `open` does, with an estimate of the file's entries.
    public static func opened(path: String, profile: BankProfile? = nil, limits: ReadLimits = .standard) throws
        -> Opened {
        let file = try limits.open(path)
        var head = [UInt8](repeating: 0, count: headBytes)
        var filled = 0
        while filled < head.count {
            let count = try head.withUnsafeMutableBytes { buffer in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        head.removeSubrange(filled...)
        let source = PrefixedByteSource(head: head, rest: file, limit: limits.maxFileBytes)
        /// `reader` with the entries of the head: `marker` occurs `perEntry` times in each.
        func opened(_ reader: any BankStatementReader, _ marker: String, perEntry: Int = 1) -> Opened {
            let seen = occurrences(of: Array(marker.utf8), in: head) / perEntry
            return Opened(reader: reader, expectedEntries: expectedEntries(seen, head: head.count, size: file.size))
        }
        if let profile {
            return opened(try reader(for: profile, source: source, limits: limits, size: file.size), entryMarker(profile.format))
        }
        switch detect(head: head) {
        case .camt:
            // Every entry has an opening and a closing tag ending in `Ntry>` (`NtryRef>`, `NtryDtls>` do not).
            return opened(camtReader(source, limits: limits), "Ntry>", perEntry: 2)
        case .mt940:
            return opened(MT940Reader(source: source, maxLineBytes: limits.maxLineBytes), entryMarker(.mt940))
        case .csv(let profile):
            return opened(try reader(for: profile, source: source, limits: limits, size: file.size), entryMarker(.csv))
        case .unknown(let tried):
            let what = head.isEmpty ? "empty file" : "unknown bank file format"
            throw ReadError.invalid(SourceLocation(file: path, line: 1), "\(what): tried \(tried)")
        }
    }

    /// `count` records seen in the first `head` bytes of a file of `size`, scaled to the whole file
    /// with a sixteenth more (a file's first bytes hold its header too).
    static func expectedEntries(_ count: Int, head: Int, size: Int?) -> Int {
        guard count > 0, head > 0, let size, size > head else { return count }
        let (product, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else { return size }
        let scaled = product / head
        return min(scaled + scaled / 16, size)
    }

    /// What occurs once in each entry of a file read through a profile of `format`.
    static func entryMarker(_ format: BankProfile.Format) -> String {
        switch format {
        case .mt940: return ":61:"
        case .csv: return "\n"
        }
    }

    /// How often `marker` occurs in `bytes` (not overlapping). `memchr` finds each candidate:
    /// the standard library's `ranges(of:)` is generic code not specialised for bytes and took
    /// 117M instructions for the 64 KiB head of a bank CSV (callgrind), a twentieth of reading 100k rows.
    static func occurrences(of marker: [UInt8], in bytes: [UInt8]) -> Int {
        guard let first = marker.first, bytes.count >= marker.count else { return 0 }
        return bytes.withUnsafeBufferPointer { haystack in
            marker.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress, let wanted = needle.baseAddress else { return 0 }
                let last = haystack.count - needle.count
                var count = 0, index = 0
                while index <= last, let found = memchr(base + index, Int32(first), last - index + 1) {
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, wanted, needle.count) == 0 {
                        count += 1
                        index = at + needle.count
                    } else {
                        index = at + 1
                    }
                }
                return count
            }
        }
    }

    /// `size`: the file's, when known (a large CSV file is read on both cores).
    static func reader(for profile: BankProfile, source: any ByteSource, limits: ReadLimits,
                       size: Int? = nil) throws -> any BankStatementReader {
        switch profile.format {
        case .mt940:
            return MT940Reader(source: source, encoding: profile.encoding, maxLineBytes: limits.maxLineBytes)
        case .csv:
            return try ProfileCSVReader(source: source, profile: profile, size: size)
        }
    }

    static func camtReader(_ source: any ByteSource, limits: ReadLimits) -> CamtReader {
        let reader = CamtReader(source: source)
        reader.maxDepth = limits.maxDepth
        return reader
    }

    /// XML → camt; SWIFT blocks or MT940 tags at a line start → MT940; a header (or, for headerless
    /// layouts, a first line) that a built-in CSV profile recognises → that profile, the one that
    /// names the most columns winning.
    public static func detect(head: [UInt8], profiles: [BankProfile] = ProfileCatalog.detectable) -> Detection {
        if looksLikeXML(head) { return .camt }
        if looksLikeMT940(head) { return .mt940 }
        var best: (profile: BankProfile, score: Int)?
        var memo = ProfileDetector.HeadMemo()
        for profile in profiles {
            guard let score = ProfileDetector.score(profile, head: head, memo: &memo) else { continue }
            if best == nil || score > best!.score { best = (profile, score) }
        }
        if let best { return .csv(best.profile) }
        return .unknown(tried: "camt.052/053/054 XML (no '<' at the start), MT940/MT942 (no :20:, :25:, :60F: or :61: tag at a line start), and the CSV profiles \(profiles.map(\.name).joined(separator: ", ")) (no matching header)")
    }

    static func looksLikeXML(_ head: [UInt8]) -> Bool {
        var index = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < head.count, CamtReader.isSpace(head[index]) { index += 1 }
        return index < head.count && head[index] == UInt8(ascii: "<")
    }

    /// A line (framing bytes and a SWIFT `{4:` prefix aside) that starts with a statement tag.
    static func looksLikeMT940(_ head: [UInt8]) -> Bool {
        let tags: [[UInt8]] = [":20:", ":25:", ":28C:", ":60F:", ":60M:", ":61:", ":62F:"].map { Array($0.utf8) }
        for rawLine in head.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            var line = rawLine.drop { $0 == 0x01 || $0 == 0x03 || $0 == 0x20 }
            if line.starts(with: Array("{1:".utf8)) {
                guard let block = line.firstRange(of: Array("{4:".utf8)) else { continue }
                line = line[block.upperBound...]
            }
            if tags.contains(where: { line.starts(with: $0) }) { return true }
        }
        return false
    }
}

/// Whether a CSV profile recognises a file from its first bytes, and how well.
enum ProfileDetector {
    /// What reading the head found, shared by the profiles: header names by the text of their
    /// field (lower-casing a name that is not ASCII costs thousands of instructions), the head's
    /// encoding as each declared one is taken, and the head's rows as sets of names by how they
    /// were read. Most profiles read the head alike (`;` or `,`, double quotes, UTF-8); when each
    /// that did not match read up to 40 rows into names of its own, detection took 29M
    /// instructions before a bank file's reading began (13M with the rows shared).
    struct HeadMemo {
        private var known: [String: String] = [:]
        private var rows: [Dialect: Rows] = [:]
        private var encodings: [TextEncoding: TextEncoding] = [:]

        /// How a profile reads the head: the rows it finds depend on nothing else.
        struct Dialect: Hashable {
            var encoding: TextEncoding
            var delimiter: UInt8
            var quote: UInt8
            var escape: UInt8
            var skipLines: Int
        }

        private struct Rows {
            var names: [Set<String>] = []
            /// No row after `names`: the head ended, or its next record was not CSV.
            var ended = false
        }

        /// `TextEncoding.effective` of the head for a declared encoding (a pass over the head each).
        mutating func effective(_ declared: TextEncoding, head: [UInt8]) -> TextEncoding {
            if let known = encodings[declared] { return known }
            let effective = TextEncoding.effective(declared: declared, head: head)
            encodings[declared] = effective
            return effective
        }

        mutating func name(_ field: String) -> String {
            if let name = known[field] { return name }
            let name = ProfileCSVReader.headerName(field)
            known[field] = name
            return name
        }

        /// The names of row `index` (counted after the skipped lines) as `dialect` reads them; nil
        /// past the head's rows. `reader` reads the head in that dialect, and has read `consumed`
        /// of its rows: it reads on only for a row no profile has read yet.
        mutating func row(_ index: Int, _ dialect: Dialect, reader: CSVReader, consumed: inout Int) -> Set<String>? {
            if let found = rows[dialect], index < found.names.count || found.ended {
                return index < found.names.count ? found.names[index] : nil
            }
            // Taken out while it grows: a copy left in the dictionary made each row copy them all.
            var found = rows.removeValue(forKey: dialect) ?? Rows()
            defer { rows[dialect] = found }
            while found.names.count <= index && !found.ended {
                do {
                    // Past the rows that another profile's reader turned into names already.
                    while consumed < found.names.count {
                        guard try reader.next() else { break }
                        consumed += 1
                    }
                    guard consumed == found.names.count, try reader.next() else {
                        found.ended = true
                        break
                    }
                    consumed += 1
                    found.names.append(Set((0..<reader.fieldCount).map { name(reader.string($0) ?? "") }))
                } catch {
                    found.ended = true
                }
            }
            return index < found.names.count ? found.names[index] : nil
        }
    }

    /// The number of header names matched (all required ones must be there), or 1 for a headerless
    /// layout whose `detect` pattern matches the first line; nil when the profile does not apply.
    static func score(_ profile: BankProfile, head: [UInt8], memo: inout HeadMemo) -> Int? {
        guard profile.format == .csv, !head.isEmpty else { return nil }
        let encoding = memo.effective(profile.encoding, head: head)
        // UTF-8 read where it lies: a reader over a copy took a buffer of 1 MiB for each of the
        // 35 profiles, fresh pages touched one by one (~4 ms before a bank file's reading began).
        return head.withUnsafeBufferPointer { bytes in
            let borrowed = BorrowedBytes(bytes, path: "<head>")
            let source: any ByteSource = encoding.isUTF8 ? borrowed : TranscodingByteSource(source: borrowed, encoding: encoding)
            return score(profile, source, encoding: encoding, memo: &memo)
        }
    }

    private static func score(_ profile: BankProfile, _ source: any ByteSource, encoding: TextEncoding,
                              memo: inout HeadMemo) -> Int? {
        let reader = CSVReader(source: source, delimiter: profile.delimiters[0], quote: profile.quote ?? 0)
        reader.lenientQuotes = true
        reader.escape = profile.escape ?? 0
        do {
            try reader.skipByteOrderMark()
            try reader.skipLines(profile.skipLines)
            if !profile.hasHeader {
                guard let pattern = profile.detectPattern, let regex = try? Regex(pattern) else { return nil }
                let line = String(decoding: try reader.peekFirstLine(), as: UTF8.self)
                return (try? regex.firstMatch(in: line)) != nil ? 1 : nil
            }
            if profile.delimiters.count > 1 {
                reader.delimiter = CSVDialect.detectDelimiter(headerLine: try reader.peekFirstLine(),
                                                              candidates: profile.delimiters)
            }
            let required = Set(profile.requiredHeaderNames)
            guard !required.isEmpty else { return nil }
            let dialect = HeadMemo.Dialect(encoding: encoding, delimiter: reader.delimiter, quote: reader.quote,
                                              escape: reader.escape, skipLines: profile.skipLines)
            var consumed = 0
            for index in 0..<max(profile.headerSearchLines, 0) {
                guard let names = memo.row(index, dialect, reader: reader, consumed: &consumed) else { break }
                if required.isSubset(of: names) { return required.count }
            }
        } catch {
            return nil
        }
        return nil
    }
}
