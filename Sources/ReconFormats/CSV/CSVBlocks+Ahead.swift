import ReconCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Blocks read ahead by two threads of their own (`CSVBlocks(prefetch: true)`), each taking the
/// next block to cut or to read as soon as it is free, up to `window` blocks ahead of the caller.
/// Read in pairs, both threads had to finish a pair before the next began: the caller, at a
/// higher priority, took its share from one of them, and the other idled 20–30 ms of each pair's
/// ~60 ms (1M bank CSV: ~80 % of two cores busy). Read ahead so, 1M `inspect` of the bank CSV
/// 0.95 → 0.78 s and of the open items 0.86 → 0.72 s (seven alternating pairs each).
///
/// Each block is read as if it started at a record. The caller takes them in order and checks
/// that: a block that ended inside a quoted field (its last record runs on) is joined with the
/// next block and read again, and that next block's own reading, if any, is dropped — as the
/// pairs did it, so the rows, findings and lines are those of one reader.
final class BlocksAhead<Rows: BlockRows>: @unchecked Sendable {
    typealias Parsed = BlockParser<Rows>.Parsed
    private let cutter: BlockCutter
    private let parser: BlockParser<Rows>
    /// How many blocks' bytes may wait, cut and not yet taken by the caller (a block joined into
    /// the one before counts as part of it: counted apart, a long quoted field that joined the
    /// window's blocks left no room to cut the block it still needed).
    private let window = 4

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // All below under `mutex`.
    /// The bytes of each block cut and not yet taken, by number.
    private var bytes: [Int: [UInt8]] = [:]
    /// Blocks cut and not yet taken by a thread, in order (a joined block goes first).
    private var toRead: [Int] = []
    private var parsed: [Int: Parsed] = [:]
    /// Blocks read again as part of one before them: skipped, their own reading dropped.
    private var joined: Set<Int> = []
    private var cutCount = 0
    /// The next block the caller takes.
    private var taken = 0
    private var inputDone = false
    private var cutError: (any Error)?
    /// What the caller made of the blocks before, to be let go of by the threads: each block's
    /// by the thread that read it, where its memory was allocated. Let go of by either, half the
    /// items were freed across threads (mimalloc takes such a free onto the owner's list, with an
    /// atomic exchange, and the owner collects it later).
    private var spent: [[CSVBlocks<Rows>.Spent]] = [[], []]
    private var stopping = false
    private var threads: [Background<Void>] = []

    /// nil when the two threads cannot be made (the caller then reads in pairs itself).
    init?(cutter: BlockCutter, parser: BlockParser<Rows>) {
        self.cutter = cutter
        self.parser = parser
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        for worker in 0..<2 {
            guard let thread = Background<Void>.onThread(lowestPriority: true, { self.work(worker) }) else {
                stop()
                return nil
            }
            threads.append(thread)
        }
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Ends the threads (they let go of what they were handed first) and waits for them. Call once.
    func stop() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
        for thread in threads { thread.wait() }
        threads = []
    }

    /// One thread's loop: let go of what was handed back to it, else read the next block cut, else
    /// cut the next block, else wait.
    private func work(_ worker: Int) {
        pthread_mutex_lock(mutex)
        while !stopping {
            if !spent[worker].isEmpty {
                let dropping = spent[worker]
                spent[worker] = []
                pthread_mutex_unlock(mutex)
                for box in dropping { box.value = nil }
                pthread_mutex_lock(mutex)
            } else if !toRead.isEmpty {
                let number = toRead.removeFirst()
                let block = bytes[number]!
                pthread_mutex_unlock(mutex)
                let result = parser.parse(block, worker: worker)
                pthread_mutex_lock(mutex)
                if !joined.contains(number) { parsed[number] = result }
                pthread_cond_broadcast(changed)
            } else if !inputDone && bytes.count < window {
                do {
                    if let block = try cutter.cut() {
                        bytes[cutCount] = block
                        toRead.append(cutCount)
                        cutCount += 1
                    } else {
                        inputDone = true
                    }
                } catch {
                    cutError = error
                    inputDone = true
                }
                pthread_cond_broadcast(changed)
            } else {
                pthread_cond_wait(changed, mutex)
            }
        }
        let dropping = spent[worker]
        spent[worker] = []
        pthread_mutex_unlock(mutex)
        for box in dropping { box.value = nil }
    }

    /// The next block's reading, checked; nil at the end of the input, or where a line too long
    /// to cut leaves the rest to one reader (`cutter.restHead`, this block's bytes put before it).
    /// `dropping`: what the caller made of the blocks before (see `CSVBlocks.init`).
    func next(dropping handedBack: [CSVBlocks<Rows>.Spent]) throws -> Parsed? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if !handedBack.isEmpty {
            // A box with no reader named (the bank CSV's emptied blocks) goes to either, in turn.
            for (index, box) in handedBack.enumerated() { spent[box.worker ?? index % 2].append(box) }
            pthread_cond_broadcast(changed)
        }
        while true {
            let number = taken
            if number == cutCount && inputDone {
                if let cutError { throw cutError }
                return nil
            }
            guard let result = parsed[number] else {
                pthread_cond_wait(changed, mutex)
                continue
            }
            if result.unfinished {
                // Its last record runs on past its end: read it again with the next block.
                var following = number + 1
                while joined.contains(following) { following += 1 }
                if following < cutCount {
                    bytes[number]! += bytes.removeValue(forKey: following)!
                    parsed[number] = nil
                    parsed[following] = nil
                    joined.insert(following)
                    toRead.removeAll { $0 == following }
                    toRead.insert(number, at: 0)
                    pthread_cond_broadcast(changed)
                    continue
                }
                if !inputDone {
                    pthread_cond_wait(changed, mutex)
                    continue
                }
                if let head = cutter.restHead {
                    cutter.restHead = bytes[number]! + head
                    bytes[number] = nil
                    parsed[number] = nil
                    taken = cutCount
                    return nil
                }
                // The input ends inside the quotes: the block's error stands.
            }
            parsed[number] = nil
            bytes[number] = nil
            taken += 1
            while joined.contains(taken) { taken += 1 }
            pthread_cond_broadcast(changed)
            return result
        }
    }
}
