import Dispatch
import Synchronization

/// Prepares the lines of a large file on a second thread while the caller reads them, so that
/// loading a large model keeps two cores busy: parsing a line (most of the work of reading it)
/// depends on its bytes alone, while reading it needs the lines before it.
///
/// The file is cut into blocks of whole lines, about `blockBytes` each. A worker thread prepares
/// them in order, at most `window` ahead of the block being read, so memory holds a few blocks
/// and never every parsed line at once. The caller never waits for it: when the block it needs
/// is not ready, it prepares the next one no one has started, or else (the worker busy with that
/// very block, or off the core on a busy machine) that block itself, and the worker's copy is
/// dropped: on a busy machine the reading goes on at the pace of one core. Blocks reach the caller
/// in file order whoever prepared them, so the reading is the same on any number of cores.
struct LineParsingPipeline: Sendable {
    let lines: LinePreparer
    /// Where the lines begin (after a byte order mark).
    let start: Int
    let blockBytes: Int
    /// How many blocks may be prepared ahead of the one being read.
    let window = 4

    var blockCount: Int { (lines.bytes.count - start + blockBytes - 1) / blockBytes }

    /// Calls `read` with each line of the file, in order, on the calling thread; before the lines
    /// of each block, `ahead` with their meanings (last first), to ask for what reading them will
    /// look up.
    func run(ahead: ([LineMeaning]) -> Void, _ read: (LineBounds, consuming LineMeaning) -> Void) {
        let board = Board<PreparedLines>(jobs: blockCount, window: window)
        let prepare = { @Sendable [self] (block: Int) in preparedLines(ofBlock: block) }
        DispatchQueue.global().async { board.work(prepare) }
        for block in 0..<blockCount {
            var lines = board.take(block, preparing: prepare)
            ahead(lines.meanings)
            // Taken out from the end, each moved rather than copied (the block holds them last first).
            while let meaning = lines.meanings.popLast(), let bounds = lines.bounds.popLast() { read(bounds, meaning) }
        }
        board.close()
    }

    /// The lines of block `block`.
    private func preparedLines(ofBlock block: Int) -> PreparedLines {
        let lower = block == 0 ? start : lines.lineStart(atOrAfter: start + block * blockBytes)
        let upper = block == blockCount - 1 ? lines.bytes.count : lines.lineStart(atOrAfter: start + (block + 1) * blockBytes)
        var bounds: [LineBounds] = []
        lines.forEachLine(in: lower..<upper) { bounds.append($0) }
        bounds.reverse()
        var meanings: [LineMeaning] = []
        meanings.reserveCapacity(bounds.count)
        for line in bounds { meanings.append(lines.meaning(of: line.range)) }
        return PreparedLines(bounds: bounds, meanings: meanings)
    }
}

/// The lines of a block, last first: where each stands, and apart from that what each means (see
/// ``LineMeaning``), at the same index.
private struct PreparedLines: Sendable {
    var bounds: [LineBounds]
    var meanings: [LineMeaning]
}

/// The jobs of a pipeline, shared by the worker and the caller: who does which, and the outputs
/// done but not yet taken. One lock guards it; the semaphore only wakes the worker to look again.
private final class Board<Output: Sendable>: Sendable {
    private struct State {
        var nextJob = 0
        /// The outputs taken by the caller, who takes them in order: the job it needs next.
        var taken = 0
        var done: [Int: Output] = [:]
        var closed = false
    }

    private enum Claim {
        case job(Int)
        case windowFull
        case noneLeft
    }

    private enum Step {
        case ready(Output)
        case prepare(Int)
    }

    private let jobs: Int
    private let window: Int
    private let state = Mutex(State())
    /// Signaled by the caller for each output it takes, which makes room in the window, and once
    /// when it is done.
    private let room = DispatchSemaphore(value: 0)

    init(jobs: Int, window: Int) {
        self.jobs = jobs
        self.window = window
    }

    /// The worker's loop: the next job in the window, until none is left or the caller is done.
    func work(_ produce: @Sendable (Int) -> Output) {
        while true {
            switch state.withLock({ claim(&$0) }) {
            case .job(let job):
                let output = produce(job)
                // The caller may have prepared this job itself meanwhile, and gone past it.
                state.withLock { state in
                    if job >= state.taken, !state.closed { state.done[job] = output }
                }
            case .windowFull:
                room.wait()
            case .noneLeft:
                return
            }
        }
    }

    /// Job `job`'s output, for the caller: the worker's when it is done, else prepared here (a
    /// later job first, while the worker finishes this one, when there is one to start).
    func take(_ job: Int, preparing produce: (Int) -> Output) -> Output {
        while true {
            let step = state.withLock { state -> Step in
                if let output = state.done.removeValue(forKey: job) {
                    state.taken += 1
                    return .ready(output)
                }
                if case .job(let next) = claim(&state), next != job { return .prepare(next) }
                state.taken += 1
                return .prepare(job)
            }
            switch step {
            case .ready(let output):
                room.signal()
                return output
            case .prepare(let next) where next == job:
                room.signal()
                return produce(job)
            case .prepare(let next):
                let output = produce(next)
                state.withLock { $0.done[next] = output }
            }
        }
    }

    /// Once every output is taken: a worker still preparing drops what it prepares, and one
    /// waiting for room wakes up to see that none is left.
    func close() {
        state.withLock { $0.closed = true }
        room.signal()
    }

    private func claim(_ state: inout State) -> Claim {
        guard !state.closed, state.nextJob < jobs else { return .noneLeft }
        guard state.nextJob < state.taken + window else { return .windowFull }
        state.nextJob += 1
        return .job(state.nextJob - 1)
    }
}
