internal import CLibXML2
import ReconCore

/// libxml2's SAX2 parser, hardened for files from outside: a document is parsed whole from an input
/// callback (`parseDocument`, streaming: libxml2 asks for a few KiB at a time), or pushed in chunks
/// (`feed`, for parts already in memory).
///
/// Options: `XML_PARSE_NONET` only — never NOENT, DTDLOAD, HUGE or RECOVER. A DOCTYPE or an entity
/// declaration stops the parse with an error before anything is expanded; so does nesting deeper
/// than `maxDepth` or a text value longer than `maxTextBytes` that the handler keeps. The encoding
/// declaration (`ISO-8859-1` …) is honoured by libxml2; the handler always sees UTF-8.
///
/// A class: it owns the libxml2 context, freed in `deinit`.
public class SafeXMLParser {
    public static let defaultMaxDepth = 256

    public let path: String
    public var maxDepth = SafeXMLParser.defaultMaxDepth
    /// Where events go unless a subclass overrides them. The handler owns this parser, so it
    /// outlives every callback.
    private unowned(unsafe) let handler: (any XMLHandler)?
    /// `failure != nil`, as a plain flag the callbacks test first.
    private var failed = false
    /// Whether `characters` is called: a subclass that keeps only some elements' text clears it
    /// between them, so that the white space between elements costs no call (a camt entry has
    /// dozens of runs of it).
    var wantsCharacters = true
    private var context: xmlParserCtxtPtr?
    private var sax = xmlSAXHandler()
    private var depth = 0
    /// The first fatal problem; parsing stops there.
    public private(set) var failure: Finding? {
        didSet { failed = failure != nil }
    }
    /// What `parseDocument`'s input or a handler threw (`abort`): rethrown as it is.
    private var thrown: (any Error)?
    /// `parseDocument`'s input, while it runs.
    private var input: ((UnsafeMutableRawBufferPointer) throws -> Int)?
    /// The input said it had no more bytes.
    private var inputEnded = false

    /// libxml2 initialises global tables lazily, which races when two parsers start at once on
    /// different threads; `xmlInitParser()` once, before any parser exists, avoids that.
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// A parser that sends its events to `handler`.
    public convenience init(path: String, handler: any XMLHandler) {
        self.init(path: path, eventHandler: handler)
    }

    /// `eventHandler` nil is for subclasses that override the event methods: calling an override on
    /// the borrowed parser costs no reference counting, while calling a stored handler retains it
    /// once per event.
    init(path: String, eventHandler handler: (any XMLHandler)?) {
        precondition(SafeXMLParser.libraryInitialized)
        self.path = path
        self.handler = handler
        recon_sax_reset(&sax)
        // The callbacks borrow the parser (`_withUnsafeGuaranteedRef`): no retain and release per
        // element, which cost more than the callback's own work.
        sax.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            SafeXMLParser.with(context) { parser in
                parser.depth += 1
                if parser.depth > parser.maxDepth {
                    parser.stop("elements nested deeper than \(parser.maxDepth) levels")
                    return
                }
                guard !parser.failed, let localName else { return }
                parser.startElement(localName: localName, namespace: uri,
                                    attributes: XMLAttributes(base: attributes, count: Int(attributeCount)))
            }
        }
        sax.endElementNs = { context, localName, _, uri in
            SafeXMLParser.with(context) { parser in
                parser.depth -= 1
                guard !parser.failed, let localName else { return }
                parser.endElement(localName: localName, namespace: uri)
            }
        }
        sax.characters = { context, text, length in
            SafeXMLParser.with(context) { parser in
                guard parser.wantsCharacters, !parser.failed, let text else { return }
                parser.characters(UnsafeBufferPointer(start: text, count: Int(length)))
            }
        }
        sax.cdataBlock = sax.characters
        sax.internalSubset = { context, _, _, _ in
            SafeXMLParser.from(context).stop("a DOCTYPE is not allowed in bank files (entities are never expanded)")
        }
        sax.externalSubset = sax.internalSubset
        sax.entityDecl = { context, _, _, _, _, _ in
            SafeXMLParser.from(context).stop("entity declarations are not allowed (nothing is expanded)")
        }
        sax.getEntity = { _, _ in nil }
        sax.serror = { context, error in
            guard let context, let error else { return }
            let parser = Unmanaged<SafeXMLParser>.fromOpaque(context).takeUnretainedValue()
            let level = error.pointee.level
            guard level == XML_ERR_ERROR || level == XML_ERR_FATAL, parser.failure == nil else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            while message.last == "\n" || message.last == " " { message.removeLast() }
            // libxml2 adds lines of its own ("Bytes: 0xFF 0xFE …"); a finding is one line.
            message = message.split(separator: "\n").joined(separator: " ")
            if parser.depth > 0 && (error.pointee.code == Int32(XML_ERR_DOCUMENT_END.rawValue)
                                    || parser.inputEnded && recon_parser_at_end(parser.context) != 0) {
                // What libxml2 says when the input stops inside an element.
                message = "the file ends inside an element (\(parser.depth) still open): cut off?"
            }
            let column = error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil
            parser.failure = Finding(SourceLocation(file: parser.path, line: max(1, Int(error.pointee.line)), column: column),
                                     "malformed XML: " + message)
        }
    }

    // MARK: - Events (overridden by subclasses, else sent to the handler)

    func startElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes) {
        handler?.startElement(localName: localName, namespace: namespace, attributes: attributes)
    }

    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        handler?.endElement(localName: localName, namespace: namespace)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        handler?.characters(text)
    }

    deinit {
        if let context {
            xmlFreeParserCtxt(context)
        }
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> SafeXMLParser {
        Unmanaged<SafeXMLParser>.fromOpaque(context!).takeUnretainedValue()
    }

    private static func with(_ context: UnsafeMutableRawPointer?, _ body: (SafeXMLParser) -> Void) {
        Unmanaged<SafeXMLParser>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
    }

    /// Where the parser is now (line, column), for the handler's messages.
    public var location: SourceLocation {
        guard let context else { return SourceLocation(file: path, line: 0) }
        return SourceLocation(file: path, line: Int(recon_parser_line(context)),
                              column: Int(recon_parser_column(context)))
    }

    /// The line and column of `location`, without making one (a callback's event records them).
    var position: (line: Int32, column: Int32) {
        guard let context else { return (0, 0) }
        return (recon_parser_line(context), recon_parser_column(context))
    }

    /// Stops parsing with a fatal problem at the current location.
    public func stop(_ message: String) {
        guard failure == nil else { return }
        failure = Finding(location, message)
        if let context { xmlStopParser(context) }
    }

    /// Stops parsing because of `error` (a handler's consumer failed): the parse throws it as it is.
    public func abort(_ error: any Error) {
        guard thrown == nil, failure == nil else { return }
        thrown = error
        failed = true
        if let context { xmlStopParser(context) }
    }

    /// Parses a whole document, asking `input` for bytes whenever libxml2 needs more (a few KiB at
    /// a time; 0 at the end). libxml2's pull parser does less work an element than its push parser
    /// (a 1.45 GB camt file, SAX callbacks alone, in C: 18 % fewer instructions) and streams all
    /// the same. Throws the first fatal problem, or what `input` or `abort` threw.
    public func parseDocument(input: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) throws {
        precondition(context == nil, "a parser reads one document")
        self.input = input
        defer { self.input = nil }
        let me = Unmanaged.passUnretained(self).toOpaque()
        context = xmlCreateIOParserCtxt(&sax, me, { ioContext, buffer, length in
            SafeXMLParser.from(ioContext).readInput(buffer, length)
        }, nil, me, XML_CHAR_ENCODING_NONE)
        guard let context else { throw ReadError.io(path: path, message: "libxml2 could not create a parser") }
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        let status = xmlParseDocument(context)
        if let thrown { throw thrown }
        if let failure { throw ReadError.invalid([failure]) }
        if status != 0 {
            throw ReadError.invalid(location, "malformed XML (libxml2 error \(status))")
        }
    }

    private func readInput(_ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
        guard !failed, let buffer, let input, length > 0 else { return 0 }
        do {
            let count = try input(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
            if count == 0 { inputEnded = true }
            return Int32(count)
        } catch {
            thrown = error
            failed = true
            return -1
        }
    }

    /// Feeds the next chunk; `isLast` on the final (possibly empty) one. Throws the first fatal problem.
    public func feed(_ bytes: UnsafeRawBufferPointer, isLast: Bool) throws {
        if context == nil {
            // The first bytes let libxml2 detect the encoding; the rest goes through xmlParseChunk.
            let head = min(bytes.count, 4)
            let userData = Unmanaged.passUnretained(self).toOpaque()
            context = path.withCString { name in
                xmlCreatePushParserCtxt(&sax, userData, bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                                        Int32(head), name)
            }
            guard let context else { throw ReadError.io(path: path, message: "libxml2 could not create a parser") }
            xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
            let rest = UnsafeRawBufferPointer(rebasing: bytes[head...])
            try parse(rest, isLast: isLast)
            return
        }
        try parse(bytes, isLast: isLast)
    }

    private func parse(_ bytes: UnsafeRawBufferPointer, isLast: Bool) throws {
        let status = xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                                   Int32(bytes.count), isLast ? 1 : 0)
        if let failure { throw ReadError.invalid([failure]) }
        if status != 0 {
            throw ReadError.invalid(location, "malformed XML (libxml2 error \(status))")
        }
    }
}
