/// The attributes of a start tag, as libxml2 hands them over: five pointers per attribute
/// (local name, prefix, URI, value start, value end).
public struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    /// The value of the attribute with this local name (any namespace), or nil.
    public func value(of name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for index in 0..<count {
            let entry = base + index * 5
            guard let local = entry[0], XMLName.equals(local, name),
                  let start = entry[3], let end = entry[4] else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }
}

/// Receives the events of a `SafeXMLParser`. Names are NUL-terminated UTF-8, valid only during the call.
public protocol XMLHandler: AnyObject {
    func startElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes)
    func endElement(localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?)
    func characters(_ text: UnsafeBufferPointer<UInt8>)
}

/// Helpers for libxml2's NUL-terminated names.
public enum XMLName {
    public static func equals(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for index in 0..<count where name[index] != bytes[index] { return false }
        return name[count] == 0
    }

    public static func length(_ name: UnsafePointer<UInt8>) -> Int {
        var count = 0
        while name[count] != 0 { count += 1 }
        return count
    }

    public static func string(_ name: UnsafePointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(start: name, count: length(name)), as: UTF8.self)
    }

    public static func hasPrefix(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for index in 0..<count where name[index] != bytes[index] { return false }
        return true
    }
}
