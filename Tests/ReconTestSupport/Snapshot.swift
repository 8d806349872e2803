import Foundation

/// A directory's files and their bytes, recursively (hidden ones included): to show that a failed
/// run changed nothing.
public func snapshot(_ path: String) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: path) else { return result }
    while let name = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory)
        result[name] = isDirectory.boolValue ? [] : [UInt8](FileManager.default.contents(atPath: path + "/" + name) ?? Data())
    }
    return result
}

/// The names whose content differs between two snapshots (added, removed or changed).
public func changes(from before: [String: [UInt8]], to after: [String: [UInt8]]) -> [String] {
    Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
}
