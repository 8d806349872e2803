import Foundation

/// One file per process (and per name) that an input is written to, for the entry points that
/// take a path as recon does (`BankInput`, `DecisionsReader.read(path:)`). In `/dev/shm` when it
/// exists, so that libFuzzer's millions of inputs never touch a disk.
enum ScratchFile {
    static let directory: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/recon-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes `bytes` to `name` in the scratch directory and returns its path.
    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let path = directory + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw FuzzViolation("cannot write the scratch file \(path)")
        }
        return path
    }
}
