import Foundation
import Testing

/// Paths of the package and of the shared corpus, found from this file's location.
public enum TestPaths {
    /// The package root (the folder with Package.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static func fixture(_ relative: String) -> String { root + "/fixtures/" + relative }

    /// `../shared/external` beside the checkout, or `$RECON_CORPUS`; nil when absent (tests skip).
    public static let externalCorpus: String? = {
        let candidates = [ProcessInfo.processInfo.environment["RECON_CORPUS"],
                          root + "/../shared/external"].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/MANIFEST.md") }
            .map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }()

    public static var hasCorpus: Bool { externalCorpus != nil }

    /// The debug executable built by `swift build --build-tests` (or `$RECON_BIN`).
    public static let executable: String = {
        if let path = ProcessInfo.processInfo.environment["RECON_BIN"] { return path }
        return root + "/.build/debug/recon"
    }()
}

/// A fresh temporary directory, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init() {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("recon-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` to `name` in the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: String) -> String {
        let file = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    public func read(_ name: String) -> String? {
        try? String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    public var files: [String] { TemporaryDirectory.list(path) }

    /// The names in a directory (hidden ones included), sorted.
    public static func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}

/// Golden files: compares output with a stored file under `fixtures/`. With `RECON_RECORD=1` the
/// stored file is rewritten instead (review the diff like code).
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECON_RECORD"] == "1" }

    public static func check(_ actual: String, fixture relative: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        check(actual, path: TestPaths.fixture(relative), shownAs: relative, sourceLocation: sourceLocation)
    }

    /// The same for any file of the package (generated sources), `relative` to the package root.
    public static func check(_ actual: String, packageFile relative: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        check(actual, path: TestPaths.root + "/" + relative, shownAs: relative, sourceLocation: sourceLocation)
    }

    private static func check(_ actual: String, path: String, shownAs relative: String,
                              sourceLocation: SourceLocation) {
        if recording {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            try! actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("golden file \(relative) is missing; run the tests with RECON_RECORD=1",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let shownExpected = first < expectedLines.count ? String(expectedLines[first]) : "<end of file>"
            let shownActual = first < actualLines.count ? String(actualLines[first]) : "<end of file>"
            Issue.record("""
                \(relative) differs at line \(first + 1):
                  expected: \(shownExpected)
                  actual:   \(shownActual)
                (RECON_RECORD=1 re-records after review)
                """, sourceLocation: sourceLocation)
        }
    }
}

extension Golden {
    /// Compares bytes that are not UTF-8 text (a CP437 SIE file) with a stored file.
    public static func check(bytes actual: [UInt8], fixture relative: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let path = TestPaths.fixture(relative)
        if recording {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data(actual))
            return
        }
        guard let expected = FileManager.default.contents(atPath: path) else {
            Issue.record("golden file \(relative) is missing; run the tests with RECON_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        if [UInt8](expected) != actual {
            let offset = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expected.count, actual.count)
            Issue.record("\(relative) differs at byte \(offset) (RECON_RECORD=1 re-records after review)",
                         sourceLocation: sourceLocation)
        }
    }
}

/// A command-line tool found on PATH (hledger, bean-check, libreoffice, chromium), or nil: tests
/// that need one skip without it.
public func installedTool(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = directory + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Runs any program and collects its output.
public func runTool(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errText = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errText, as: UTF8.self))
}

/// What running the executable produced.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs the built `recon` with `arguments` in `directory`, with `environment` added to this process's.
public func runRecon(_ arguments: [String], in directory: String? = nil,
                     environment: [String: String] = [:]) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TestPaths.executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}
