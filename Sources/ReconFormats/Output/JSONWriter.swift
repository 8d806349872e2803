/// A minimal JSON builder with a fixed key order, so that outputs are byte-identical run to run.
public struct JSONWriter {
    public private(set) var text = ""
    private var indent = 0
    private var needsComma: [Bool] = []

    public init() {}

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    public mutating func string(_ key: String?, _ value: String?) {
        element(key)
        text += value.map(JSONWriter.quoted) ?? "null"
    }

    public mutating func number(_ key: String?, _ value: Int) {
        element(key)
        text += String(value)
    }

    public mutating func bool(_ key: String?, _ value: Bool) {
        element(key)
        text += value ? "true" : "false"
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        element(key)
        text += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        indent -= 1
        let hadElements = needsComma.removeLast()
        if hadElements { text += "\n" + String(repeating: "  ", count: indent) }
        text += bracket
        if indent == 0 { text += "\n" }
    }

    private mutating func element(_ key: String?) {
        if let last = needsComma.last {
            if last { text += "," }
            text += "\n" + String(repeating: "  ", count: indent)
            needsComma[needsComma.count - 1] = true
        }
        if let key { text += JSONWriter.quoted(key) + ": " }
    }

    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
