import Benchmark
import BenchmarkSupport
import Foundation
import SupportCatalog
import SupportCore
import SupportStore

/// The server's work per message without the network or the database: one engine turn over the
/// replayed conversations of `Transcripts/`, and the session-state JSON saved after it.
let benchmarks: @Sendable () -> Void = {
    guard let setup = EngineSetup.load() else { return }
    let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .throughput]
    let configuration = Benchmark.Configuration(
        metrics: metrics, warmupIterations: 100, maxDuration: .seconds(3), maxIterations: 100_000)

    // One user line per sample, conversations in turn, each in a fresh session. The replay lives
    // outside the closure, which runs once per sample.
    let replay = Replay(setup)
    Benchmark("engine turn, replayed conversations", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(replay.next()) }
    }

    // Every conversation once per sample: the engine's cost of the whole set, which a change to
    // how many questions are asked moves even when the cost of a single turn does not.
    let everything = Replay(setup)
    let turnsPerPass = setup.conversations.reduce(0) { $0 + $1.count }
    Benchmark(
        "engine, every replayed conversation once",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(5), maxIterations: 500)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            for _ in 0..<turnsPerPass { blackHole(everything.next()) }
        }
    }

    let sessions = Replay(setup).sessionsAfterEachTurn()
    // What the desk hands the store per message, 500 exchanges of 125 sessions per sample, then
    // committed: the conversation log's and the session table's share of a message. The file
    // grows over the run, as a server's does.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engine-bench-\(getpid())")
    let exchanges = Cursor(sessions)
    Benchmark(
        "store 500 exchanges (2 lines and a session each) and commit",
        configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5), maxIterations: 200),
        closure: { (benchmark: Benchmark, database: SupportDatabase) in
            for _ in benchmark.scaledIterations {
                for round in 0..<500 {
                    let session = exchanges.next()
                    await database.log.append(
                        [
                            ConversationLog.Line(text: "a user line of ordinary length, about fifty bytes", role: .user),
                            ConversationLog.Line(text: "a reply of a few sentences as the bot writes them, longer than the question", role: .bot),
                        ],
                        session: SessionID("\(session.id.rawValue)-\(round % 125)"), channel: "tcp", at: Date(),
                        state: session.json)
                }
                do { try await database.flush() } catch { benchmark.error("commit failed: \(error)") }
            }
        },
        setup: {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try SupportDatabase.open(
                at: folder.appendingPathComponent("store.sqlite").path,
                commitPolicy: GroupCommitPolicy(maxDelay: .seconds(60), maxItems: 100_000))
        },
        teardown: { try FileManager.default.removeItem(at: folder) })

    let sessionCursor = Cursor(sessions)
    Benchmark("session state encoded for the store", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(sessionCursor.next().json) }
    }
}

/// The engine as `supportbot serve` builds it, and the conversations to replay.
struct EngineSetup: Sendable {
    let engine: DialogueEngine
    let conversations: [[String]]

    /// `Intents/` and `Transcripts/` of the project this package sits in.
    static func load() -> EngineSetup? {
        // #filePath is Benchmarks/Benchmarks/EngineBenchmarks/EngineBenchmarks.swift.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        do {
            let catalog = try CatalogLoader.load(from: root.appendingPathComponent("Intents"))
            let engine = DialogueEngine(
                catalog: catalog, classifier: IntentClassifier(catalog: catalog),
                scanner: SecretScanner(wordlists: try CatalogLoader.bundledWordlists()))
            let conversations = try TranscriptConversations.userLines(
                inDirectory: root.appendingPathComponent("Transcripts").path
            ).filter { !$0.isEmpty }
            return EngineSetup(engine: engine, conversations: conversations)
        } catch {
            FileHandle.standardError.write(Data("EngineBenchmarks: skipped, \(error)\n".utf8))
            return nil
        }
    }
}

/// Walks the conversations one user line at a time, carrying the session as the desk does; a case
/// the engine files is answered as filed, a ticket lookup as unknown. A class, so its place
/// survives from one benchmark sample to the next (samples run one after another).
final class Replay: @unchecked Sendable {
    let setup: EngineSetup
    private var conversation = 0
    private var line = 0
    private var session = Session(id: SessionID("bench-0"))
    private let now = Date(timeIntervalSince1970: 1_790_000_000)

    init(_ setup: EngineSetup) { self.setup = setup }

    func next() -> Turn {
        let text = setup.conversations[conversation][line]
        var turn = setup.engine.handle(text, in: session, at: now)
        switch turn.request {
        case .fileCase: turn = setup.engine.resume(turn, with: .filed(TicketReference(id: "T-000001", status: .open)), at: now)
        case .lookUpTicket: turn = setup.engine.resume(turn, with: .ticket(nil), at: now)
        case .addNote: turn = setup.engine.resume(turn, with: .noted(true), at: now)
        case nil: break
        }
        session = turn.session
        line += 1
        if line == setup.conversations[conversation].count {
            line = 0
            conversation = (conversation + 1) % setup.conversations.count
            session = Session(id: SessionID("bench-\(conversation)"))
        }
        return turn
    }

    /// The session after every user line of every conversation, once through.
    func sessionsAfterEachTurn() -> [Session] {
        let replay = Replay(setup)
        let count = setup.conversations.reduce(0) { $0 + $1.count }
        return (0..<count).map { _ in replay.next().session }
    }
}
