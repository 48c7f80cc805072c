import Foundation
import SupportCore
import SupportStore
import Testing

@testable import SupportCLI

@Suite("Queue output")
struct QueueTextTests {
    private static func filedQueue() async throws -> TicketQueue {
        let database = try SupportDatabase.inMemory(commitPolicy: .immediate)
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        await database.log.append("我的USDT被盗了", role: .user, session: "s1", channel: "cli", at: start)
        await database.log.append("Which address?", role: .bot, session: "s1", channel: "cli", at: start)
        let theft = CaseFile(
            sessionID: "s1", intent: .reportTheft, language: .zh, priority: .high,
            fields: [
                FieldAnswer(field: "chain", value: EvidenceValue("tron")),
                FieldAnswer(field: "amount", value: EvidenceValue("300 USDT", isApproximate: true)),
                FieldAnswer(field: "notes", value: EvidenceValue("said \"hi\", then, left")),
            ],
            missingFields: ["tx_hashes"], summary: "被盗 300 USDT", secretExposed: false)
        _ = try await database.tickets.file(theft, channel: "cli", at: start)
        var other = theft
        other.sessionID = "s2"
        other.priority = .urgent
        other.fields = []
        other.summary = "second"
        _ = try await database.tickets.file(other, channel: "tcp", at: start.addingTimeInterval(60))
        return database.tickets
    }

    @Test("the list table aligns columns, counting Chinese characters as two columns")
    func alignedTable() async throws {
        let tickets = try await Self.filedQueue().list()
        let lines = QueueText.table(tickets, forTerminal: true).rendered(aligned: true).split(separator: "\n").map(
            String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("ID        PRIORITY  STATUS  ASSIGNEE  INTENT"))
        #expect(lines[1].hasPrefix("T-000002  urgent    open    -         report_theft"))
        #expect(lines[2].hasPrefix("T-000001  high      open    -         report_theft"))
        // SUMMARY starts at the same terminal column on every line.
        let columns = lines.map { line in
            TextTable.displayWidth(
                String(
                    line[
                        ..<line.range(of: line == lines[0] ? "SUMMARY" : (line.contains("被盗") ? "被盗" : "second"))!
                            .lowerBound]))
        }
        #expect(Set(columns).count == 1)
    }

    @Test("piped, the list is tab-separated with a header")
    func pipedTable() async throws {
        let tickets = try await Self.filedQueue().list()
        let text = QueueText.table(tickets, forTerminal: false).rendered(aligned: false)
        let rows = text.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows[0] == ["ID", "PRIORITY", "STATUS", "ASSIGNEE", "INTENT", "LANG", "CREATED", "SUMMARY"])
        #expect(rows[1] == ["T-000002", "urgent", "open", "-", "report_theft", "zh", "2026-09-21 14:14", "second"])
        #expect(rows[2].first == "T-000001")
        #expect(rows[2].last == "被盗 300 USDT")
    }

    @Test("show prints every field with its label, missing fields, events and the transcript")
    func detail() async throws {
        let queue = try await Self.filedQueue()
        try await queue.claim("T-000001", by: "alice", at: Date(timeIntervalSince1970: 1_790_000_100))
        let text = QueueText.detail(
            try await queue.ticket("T-000001"), labels: ["chain": "Chain", "tx_hashes": "Transaction ids"])
        #expect(text.hasPrefix("Ticket T-000001\n"))
        for expected in [
            "  Status:         claimed", "  Priority:       high", "  Assignee:       alice",
            "  Chain (chain): tron", "  amount:        300 USDT (approximate)", "  Transaction ids (tx_hashes)",
            "created by supportbot: filed via cli", "claimed by alice", "  user: 我的USDT被盗了", "  bot : Which address?",
        ] {
            #expect(text.contains(expected), "missing \(expected) in\n\(text)")
        }
    }

    @Test("CSV export follows RFC 4180: quoted commas, quotes and line breaks, CRLF records")
    func csvExport() async throws {
        let details = try await Self.filedQueue().export()
        let csv = try QueueText.csv(details)
        let records = csv.components(separatedBy: "\r\n")
        #expect(records.count == 4)
        #expect(records[3] == "")
        #expect(records[0] == QueueText.csvHeader.joined(separator: ","))
        #expect(records[2].hasPrefix("T-000001,open,high,report_theft,zh,cli,s1,,"))
        #expect(records[2].contains(",tx_hashes,amount,"))
        #expect(
            records[2].hasSuffix(
                #""{""chain"":""tron"",""amount"":""300 USDT"",""notes"":""said \""hi\"", then, left""}""#))
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test("JSON output carries ids, statuses, fields in order and ISO 8601 dates")
    func jsonOutput() async throws {
        let tickets = try await Self.filedQueue().list()
        let json = try OutputJSON.encode(tickets)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(decoded.map { $0["id"] as? String } == ["T-000002", "T-000001"])
        #expect(decoded[1]["created_at"] as? String == "2026-09-21T14:13:20Z")
        let fields = try #require(decoded[1]["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == ["chain", "amount", "notes"])
        #expect(fields.map { $0["approximate"] as? Bool } == [false, true, false])
    }
}
