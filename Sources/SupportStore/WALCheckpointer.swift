import Foundation
import GRDB
import SupportCore

/// Copies the write-ahead log back into the database file on a connection of its own, every
/// `interval`, so that no commit waits for it.
///
/// SQLite's automatic checkpoint runs inside the commit that takes the log past 1,000 pages: that
/// commit also copies the pages and syncs the file, and every filing queued behind it waits (a
/// stall of ~25 ms at the p999 under `LoadTool`). A checkpoint on another connection runs beside
/// the writer, which keeps appending to the log meanwhile. Every 100 ms rather than every 250:
/// each checkpoint then copies less at once, and the copying competes less with the replies
/// (`Benchmarks/README.md`: p99 at 5,000 msg/s).
///
/// A passive checkpoint never makes the log start over while the writer is busy: SQLite rewinds
/// the log only when a transaction begins after every frame was copied, and under steady load the
/// writer has always added frames meanwhile, so the `-wal` file grew without bound (1.2 GB after
/// 18 s of `LoadTool`, and every read got slower). Once the log is longer than `restartFrames`,
/// a restart checkpoint follows the passive one: it copies the few frames added since, holding
/// the writer's next transaction meanwhile (a filing can wait a few milliseconds, a reply never
/// does), and the next transaction writes from the start of the file again. At 16,384 frames
/// rather than 4,096 those holds are rarer (hand-offs' p99 at 5,000 msg/s 5.0-7.3 ms against
/// 7.6-10.1 ms), and a read still searches at most four blocks of the log's index.
///
/// The passive checkpoints run on a thread of their own at the lowest CPU priority (nice 19), so
/// their copying fills the cores' idle time instead of delaying replies; the restart, which holds
/// the writer, runs at normal priority. At 5,000 msg/s (8 alternating runs each) this lowered the
/// median p99 from 4.35 to 4.02 ms and hand-offs' p99 from 8.3 to 7.0 ms; under saturation the
/// log stays as bounded as before (92 MB against 98 MB of `-wal` over 3,000 messages a connection).
/// When other programs keep every core busy, the niced copying gets only a small share and the log
/// grows further before each restart; the restart's own test runs at nice 0 for that reason.
final class WALCheckpointer: Sendable {
    private let connection: DatabaseQueue
    /// Signalled to stop the loop; the loop signals `finished` when it has.
    private let stopping = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Opens a second connection to the WAL-mode file at `path` and starts checkpointing.
    /// - Parameters:
    ///   - restartFrames: log length (pages) past which the log is made to start over; 16,384
    ///     frames are 64 MB with SQLite's 4 KiB pages.
    ///   - threadName: the checkpoint thread's name (Linux keeps at most 15 bytes of it).
    ///   - niceness: the passive checkpoints' nice value (19, the lowest priority; 0 is the
    ///     process's own). Linux only.
    init(
        path: String, configuration: Configuration, interval: Duration = .milliseconds(100),
        restartFrames: Int = 16384, threadName: String = "wal-checkpoint", niceness: Int32 = 19
    ) throws {
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        self.connection = connection
        let stopping = self.stopping
        let finished = self.finished
        // A thread of its own at the lowest CPU priority: the copying runs in the cores' idle time
        // instead of taking turns with the replies. (Linux keeps a nice value per thread.)
        let thread = Thread {
            Thread.current.name = threadName
            #if os(Linux)
                if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
            #endif
            while stopping.wait(timeout: .now() + interval.seconds) == .timedOut {
                // Busy (a reader holds an old snapshot, another process checkpoints): next time.
                // A synchronous write runs on the calling thread, so at its priority.
                let frames =
                    (try? connection.writeWithoutTransaction { try $0.checkpoint(.passive).walFrameCount }) ?? 0
                guard frames > restartFrames else { continue }
                // The restart holds the writer, so it runs at normal priority.
                let restarted = DispatchSemaphore(value: 0)
                DispatchQueue.global().async {
                    _ = try? connection.writeWithoutTransaction { try $0.checkpoint(.restart) }
                    restarted.signal()
                }
                restarted.wait()
            }
            finished.signal()
        }
        thread.start()
    }

    /// A database dropped without `close()` (a command that exits, a test) stops checkpointing.
    deinit { stopping.signal() }

    /// Stops the loop, copies what is left into the file and truncates the log, then closes the
    /// connection.
    func stop() async throws {
        stopping.signal()
        let finished = self.finished
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                finished.wait()
                done.resume()
            }
        }
        _ = try? await connection.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try connection.close()
    }
}
