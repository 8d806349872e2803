#if canImport(Glibc)
import Glibc
#else
import Dispatch
#endif

/// Work started on a thread of its own, its result collected later with `wait()`: the next part of
/// a file read while the caller works through the part before. Like `concurrently`'s helper the
/// thread runs at the lowest priority, so it takes a core that would otherwise idle and never one
/// from the caller. The caller promises that the work touches nothing it touches before `wait()`
/// returns.
public final class Background<Value>: @unchecked Sendable {
    private var work: (() -> Value)?
    private var value: Value?
    #if canImport(Glibc)
    private var thread = pthread_t()
    private var joinable = false
    #else
    private let done = DispatchSemaphore(value: 0)
    private var waited = false
    #endif

    private init(_ work: @escaping () -> Value) {
        self.work = work
    }

    /// Starts `work` (runs it here when no thread can be made).
    public static func start(_ work: @escaping () -> Value) -> Background {
        let background = Background(work)
        if !background.launch() { background.run() }
        return background
    }

    /// Starts `work` on a thread of its own, at the caller's priority unless `lowestPriority`;
    /// nil when no thread can be made — for work that could not run in the caller's place (the
    /// caller waits on it, or it waits on the caller).
    public static func onThread(lowestPriority: Bool = false, _ work: @escaping () -> Value) -> Background? {
        let background = Background(work)
        return background.launch(lowestPriority: lowestPriority) ? background : nil
    }

    /// Whether a thread was started.
    private func launch(lowestPriority: Bool = true) -> Bool {
        #if canImport(Glibc)
        // The thread's C entry point cannot name a generic type: it runs a plain closure.
        let context = Unmanaged.passRetained(BackgroundThread(lowestPriority: lowestPriority) { self.run() }).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            let body = Unmanaged<BackgroundThread>.fromOpaque(context!).takeRetainedValue()
            if body.lowestPriority {
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)  // this thread only, on Linux
            }
            body.run()
            return nil
        }, context) == 0
        if started {
            self.thread = thread
            joinable = true
        } else {
            Unmanaged<BackgroundThread>.fromOpaque(context).release()
        }
        return started
        #else
        DispatchQueue.global(qos: .utility).async { [self] in
            run()
            done.signal()
        }
        return true
        #endif
    }

    /// The work's result, once it has finished. Call once.
    public func wait() -> Value {
        #if canImport(Glibc)
        if joinable {
            pthread_join(thread, nil)
            joinable = false
        }
        #else
        if !waited {
            done.wait()
            waited = true
        }
        #endif
        return value!
    }

    /// Runs the work and lets go of it (it may hold whoever holds this).
    private func run() {
        value = work!()
        work = nil
    }

    deinit {
        #if canImport(Glibc)
        // Never waited for: the thread's resources go when it ends (it may be ending right here).
        if joinable { pthread_detach(thread) }
        #endif
    }
}

/// What a `Background` thread runs, handed over through a C pointer.
private final class BackgroundThread {
    let lowestPriority: Bool
    let run: () -> Void
    init(lowestPriority: Bool, _ run: @escaping () -> Void) {
        self.lowestPriority = lowestPriority
        self.run = run
    }
}
