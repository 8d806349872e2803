import Foundation
import ReconTestSupport

/// `recon reconcile` reading a bank file from a named pipe that a thread fills with `head`, `count`
/// bytes of `x` and `tail`, while the test watches recon's peak memory (VmHWM).
final class StreamedRun: @unchecked Sendable {
    let directory = TemporaryDirectory()
    let fifo: String
    let out: String
    private(set) var status: Int32 = -1
    private(set) var stderr = ""
    /// Bytes recon took from the pipe before it stopped reading.
    private(set) var written = 0
    /// The largest resident set recon had, in MiB.
    private(set) var peakMiB = 0

    init(head: String, count: Int, tail: String) throws {
        fifo = directory.path + "/statement.xml"
        out = directory.path + "/out"
        guard mkfifo(fifo, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        signal(SIGPIPE, SIG_IGN)  // recon closing the pipe early is the point, not a crash of the test
        let writer = Thread { [fifo] in
            let descriptor = open(fifo, O_WRONLY)
            defer { close(descriptor) }
            var total = 0
            func send(_ bytes: [UInt8]) -> Bool {
                var offset = 0
                while offset < bytes.count {
                    let sent = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
                    if sent <= 0 { return false }
                    offset += sent
                    total += sent
                    self.written = total
                }
                return true
            }
            guard send(Array(head.utf8)) else { return }
            let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
            var left = count
            while left > 0 {
                guard send(Array(chunk.prefix(left))) else { return }
                left -= min(left, chunk.count)
            }
            _ = send(Array(tail.utf8))
        }
        writer.start()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.executable)
        process.arguments = ["reconcile", "--invoices", TestPaths.fixture("demo/invoices.csv"), "--bank", fifo,
                             "--quiet", "--out", out]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let procStatus = "/proc/\(process.processIdentifier)/status"
        while process.isRunning {
            if let text = try? String(contentsOfFile: procStatus, encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
                peakMiB = max(peakMiB, kib >> 10)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        self.stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        self.status = process.terminationStatus
        // Unblock a writer that recon never met (it exited before opening the pipe).
        let unblock = open(fifo, O_RDONLY | O_NONBLOCK)
        if unblock >= 0 { close(unblock) }
        while writer.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
    }
}

/// Opens a named pipe for writing on a thread of its own: the open returns only when someone
/// opens the pipe for reading, so `happened` tells whether anybody did.
final class WaitingWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var opened = false
    private let path: String

    init(path: String) {
        self.path = path
        Thread { [self] in
            let descriptor = open(path, O_WRONLY)
            lock.withLock { opened = true }
            if descriptor >= 0 { close(descriptor) }
        }.start()
    }

    var happened: Bool { lock.withLock { opened } }

    /// Opens the pipe for reading ourselves, so that the waiting thread ends.
    func release() {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        while !happened { Thread.sleep(forTimeInterval: 0.01) }
        if descriptor >= 0 { close(descriptor) }
    }
}
