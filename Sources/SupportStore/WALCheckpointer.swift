import GRDB

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
final class WALCheckpointer: Sendable {
    private let connection: DatabaseQueue
    private let loop: Task<Void, Never>

    /// Opens a second connection to the WAL-mode file at `path` and starts checkpointing.
    /// - Parameter restartFrames: log length (pages) past which the log is made to start over;
    ///   16,384 frames are 64 MB with SQLite's 4 KiB pages.
    init(
        path: String, configuration: Configuration, interval: Duration = .milliseconds(100),
        restartFrames: Int = 16384
    ) throws {
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        self.connection = connection
        // Default priority: a background task could starve on a saturated pool while the log grows.
        loop = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                // Busy (a reader holds an old snapshot, another process checkpoints): next time.
                _ = try? await connection.writeWithoutTransaction { db in
                    let (frames, _) = try db.checkpoint(.passive)
                    if frames > restartFrames { _ = try db.checkpoint(.restart) }
                }
            }
        }
    }

    /// A database dropped without `close()` (a command that exits, a test) stops checkpointing.
    deinit { loop.cancel() }

    /// Stops the loop, copies what is left into the file and truncates the log, then closes the
    /// connection.
    func stop() async throws {
        loop.cancel()
        await loop.value
        _ = try? await connection.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try connection.close()
    }
}
