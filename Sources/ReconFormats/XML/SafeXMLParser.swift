internal import CLibXML2
import ReconCore

/// libxml2's SAX2 push parser, hardened for files from outside.
///
/// Options: `XML_PARSE_NONET` only — never NOENT, DTDLOAD, HUGE or RECOVER. A DOCTYPE or an entity
/// declaration stops the parse with an error before anything is expanded; so does nesting deeper
/// than `maxDepth` or a text value longer than `maxTextBytes` that the handler keeps. The encoding
/// declaration (`ISO-8859-1` …) is honoured by libxml2; the handler always sees UTF-8.
///
/// A class: it owns the libxml2 context, freed in `deinit`.
public final class SafeXMLParser {
    public static let defaultMaxDepth = 256

    public let path: String
    public var maxDepth = SafeXMLParser.defaultMaxDepth
    private unowned let handler: any XMLHandler
    private var context: xmlParserCtxtPtr?
    private var sax = xmlSAXHandler()
    private var depth = 0
    /// The first fatal problem; parsing stops there.
    public private(set) var failure: Finding?

    /// libxml2 initialises global tables lazily, which races when two parsers start at once on
    /// different threads; `xmlInitParser()` once, before any parser exists, avoids that.
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    public init(path: String, handler: any XMLHandler) {
        precondition(SafeXMLParser.libraryInitialized)
        self.path = path
        self.handler = handler
        recon_sax_reset(&sax)
        sax.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            let parser = SafeXMLParser.from(context)
            parser.depth += 1
            if parser.depth > parser.maxDepth {
                parser.stop("elements nested deeper than \(parser.maxDepth) levels")
                return
            }
            guard parser.failure == nil, let localName else { return }
            parser.handler.startElement(localName: localName, namespace: uri,
                                        attributes: XMLAttributes(base: attributes, count: Int(attributeCount)))
        }
        sax.endElementNs = { context, localName, _, uri in
            let parser = SafeXMLParser.from(context)
            parser.depth -= 1
            guard parser.failure == nil, let localName else { return }
            parser.handler.endElement(localName: localName, namespace: uri)
        }
        sax.characters = { context, text, length in
            let parser = SafeXMLParser.from(context)
            guard parser.failure == nil, let text else { return }
            parser.handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
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
            if error.pointee.code == Int32(XML_ERR_DOCUMENT_END.rawValue) && parser.depth > 0 {
                // What libxml2 says when the input stops inside an element.
                message = "the file ends inside an element (\(parser.depth) still open): cut off?"
            }
            let column = error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil
            parser.failure = Finding(SourceLocation(file: parser.path, line: max(1, Int(error.pointee.line)), column: column),
                                     "malformed XML: " + message)
        }
    }

    deinit {
        if let context {
            xmlFreeParserCtxt(context)
        }
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> SafeXMLParser {
        Unmanaged<SafeXMLParser>.fromOpaque(context!).takeUnretainedValue()
    }

    /// Where the parser is now (line, column), for the handler's messages.
    public var location: SourceLocation {
        guard let context else { return SourceLocation(file: path, line: 0) }
        return SourceLocation(file: path, line: Int(recon_parser_line(context)),
                              column: Int(recon_parser_column(context)))
    }

    /// Stops parsing with a fatal problem at the current location.
    public func stop(_ message: String) {
        guard failure == nil else { return }
        failure = Finding(location, message)
        if let context { xmlStopParser(context) }
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
