import Foundation
import SupportCatalog
import SupportCore
import Testing

@Suite("CatalogLoader")
struct CatalogLoaderTests {
    /// Loads `files` on top of the valid fixture and returns the error it throws.
    private func loadError(_ files: [String: String]) throws -> CatalogError {
        let fixture = try CatalogFixture(files)
        defer { fixture.remove() }
        do {
            _ = try CatalogLoader.load(from: fixture.directory)
        } catch {
            return error
        }
        Issue.record("expected a CatalogError for \(files.keys.sorted())")
        return CatalogError(file: "", line: nil, message: "")
    }

    @Test("a valid directory loads every part, intents sorted by id")
    func loadsValidCatalog() throws {
        let fixture = try CatalogFixture()
        defer { fixture.remove() }
        let catalog = try CatalogLoader.load(from: fixture.directory)

        #expect(catalog.configuration.brand == "TestWallet")
        #expect(catalog.configuration.officialDomains == ["example.org"])
        #expect(catalog.configuration.supportHours(.zh) == "工作日 9-5")
        #expect(catalog.configuration.thresholds.minimumConfidence == 0.4)
        #expect(catalog.configuration.thresholds.maxFieldAttempts == 2)
        #expect(catalog.configuration.thresholds.minimumMargin == DeskConfiguration.Thresholds().minimumMargin)
        #expect(catalog.messages[.cancelled]?(.zh) == "已停止。")
        #expect(catalog.intents.map(\.id) == ["greeting", "report"])

        let greeting = try #require(catalog.intent("greeting"))
        #expect(greeting.priority == .low)
        #expect(greeting.examples[.en] == ["hello", "hi there"])
        #expect(greeting.keywords[.en]?["hello"] == 1.5)
        #expect(greeting.reply(.en) == "Hello.")
        #expect(greeting.flow == nil)
        #expect(greeting.source == SourceLocation(file: "greeting.yml", line: 1))

        let report = try #require(catalog.intent("report"))
        #expect(report.priority == .normal)
        let flow = try #require(report.flow)
        #expect(flow.createsTicket == false)
        #expect(flow.completion?(.en) == "Thanks, {channel}.")
        #expect(flow.fields.map(\.name) == ["channel", "details"])
        let channel = flow.fields[0]
        #expect(channel.isRequired)
        #expect(
            channel.kind
                == .choice([
                    ChoiceOption(
                        id: "telegram", label: LocalizedText(en: "Telegram", zh: "Telegram"), aliases: ["tg", "电报"]),
                    ChoiceOption(id: "phone", label: LocalizedText(en: "Phone", zh: "电话")),
                ]))
        let details = flow.fields[1]
        #expect(details.isRequired == false)
        #expect(details.kind == .text(minLength: 10, maxLength: 500))
        #expect(details.condition == FieldCondition(field: "channel", values: ["telegram"]))
        #expect(details.prompt(.zh) == "发生了什么？")
    }

    @Test("the source map points at examples and prompts")
    func recordsSources() throws {
        let fixture = try CatalogFixture()
        defer { fixture.remove() }
        let loaded = try CatalogLoader.loadWithSources(from: fixture.directory)
        #expect(loaded.sources[.example("greeting", .zh, index: 1)] == SourceLocation(file: "greeting.yml", line: 5))
        #expect(loaded.sources[.reply("greeting")] == SourceLocation(file: "greeting.yml", line: 9))
        #expect(
            loaded.sources[.fieldPrompt("report", field: "details")] == SourceLocation(file: "report.yml", line: 23))
    }

    @Test("an unknown key names the file and the key's line")
    func unknownKey() throws {
        let error = try loadError(["greeting.yml": CatalogFixture.greeting + "exmaples: []\n"])
        #expect(error.file == "greeting.yml")
        #expect(error.line == 11)
        #expect(error.message.contains("exmaples"))
    }

    @Test("an unknown field type names the type's line")
    func unknownFieldType() throws {
        let broken = CatalogFixture.report.replacingOccurrences(of: "type: text", with: "type: free_text")
        let error = try loadError(["report.yml": broken])
        #expect(error.file == "report.yml")
        #expect(error.line == 18)
        #expect(error.message.contains("free_text"))
        #expect(error.message.contains("multi_choice"))
    }

    @Test("an unknown priority is an error at its line")
    func badPriority() throws {
        let error = try loadError([
            "greeting.yml": CatalogFixture.greeting.replacingOccurrences(of: "priority: low", with: "priority: asap")
        ])
        #expect(error.file == "greeting.yml")
        #expect(error.line == 2)
        #expect(error.message.contains("asap"))
    }

    @Test("a choice field without options is an error at its type")
    func choiceWithoutOptions() throws {
        let text = """
            id: pick
            examples: {en: [a], zh: [一]}
            reply: {en: A, zh: 一}
            flow:
              fields:
                - name: colour
                  type: multi_choice
                  label: {en: Colour, zh: 颜色}
                  prompt: {en: Which?, zh: 哪个？}
            """
        let error = try loadError(["pick.yml": text])
        #expect(error.file == "pick.yml")
        #expect(error.line == 7)
        #expect(error.message.contains("options"))
    }

    @Test("from_opening loads on a choice field and is an error at its line on any other")
    func fromOpening() throws {
        let marked = CatalogFixture.report.replacingOccurrences(
            of: "      type: choice\n", with: "      type: choice\n      from_opening: true\n")
        let fixture = try CatalogFixture(["report.yml": marked])
        defer { fixture.remove() }
        let catalog = try CatalogLoader.load(from: fixture.directory)
        let fields = try #require(catalog.intent("report")?.flow?.fields)
        #expect(fields.map(\.fromOpening) == [true, false])

        let onText = CatalogFixture.report.replacingOccurrences(
            of: "      type: text\n", with: "      type: text\n      from_opening: true\n")
        let error = try loadError(["report.yml": onText])
        #expect(error.file == "report.yml")
        #expect(error.line == 19)
        #expect(error.message.contains("from_opening is only allowed on choice, multi_choice, chain, asset, amount, datetime, url and ticket_id fields"))
    }

    @Test("opening_yes loads normalised on a yes_no field, which it marks as read from the opening; elsewhere it is an error; unsure loads")
    func openingYes() throws {
        let yesNo = CatalogFixture.report.replacingOccurrences(
            of: "      type: text\n      required: false\n      min: 10\n      max: 500\n",
            with: "      type: yes_no\n      required: false\n      opening_yes: [I Gave It, 已经发给]\n"
                + "      unsure: {en: \"Say yes.\", zh: \"按是。\"}\n")
        let fixture = try CatalogFixture(["report.yml": yesNo])
        defer { fixture.remove() }
        let fields = try #require(try CatalogLoader.load(from: fixture.directory).intent("report")?.flow?.fields)
        #expect(fields[1].openingYes == ["i gave it", "已经发给"])
        #expect(fields[1].unsureHint == LocalizedText(en: "Say yes.", zh: "按是。"))
        #expect(fields.map(\.fromOpening) == [false, true])

        let onChoice = CatalogFixture.report.replacingOccurrences(
            of: "      type: choice\n", with: "      type: choice\n      opening_yes: [telegram]\n")
        let error = try loadError(["report.yml": onChoice])
        #expect(error.line == 12)
        #expect(error.message.contains("opening_yes is only allowed on yes_no fields, not on field 'channel'"))
    }

    @Test("opening_after loads normalised on a choice read from the opening; elsewhere it is an error")
    func openingAfter() throws {
        let reading = CatalogFixture.report.replacingOccurrences(
            of: "      type: choice\n", with: "      type: choice\n      from_opening: true\n      opening_after: [To, 到]\n")
        let fixture = try CatalogFixture(["report.yml": reading])
        defer { fixture.remove() }
        let fields = try #require(try CatalogLoader.load(from: fixture.directory).intent("report")?.flow?.fields)
        #expect(fields[0].openingAfter == ["to", "到"])

        let notFromOpening = CatalogFixture.report.replacingOccurrences(
            of: "      type: choice\n", with: "      type: choice\n      opening_after: [to]\n")
        let error = try loadError(["report.yml": notFromOpening])
        #expect(error.message.contains("opening_after is only allowed on choice and multi_choice fields read from the opening"))
    }

    @Test("an option's implies loads when it names another choice field and one of its options; otherwise it is an error at its line")
    func implies() throws {
        func implying(_ implied: String) -> String {
            CatalogFixture.report.replacingOccurrences(
                of: "        - {id: phone, label: {en: Phone, zh: 电话}}\n",
                with: "        - {id: phone, label: {en: Phone, zh: 电话}}\n"
                    + "    - name: via\n      type: choice\n      label: {en: Via, zh: 途径}\n"
                    + "      prompt: {en: \"Via?\", zh: \"途径？\"}\n      options:\n"
                    + "        - {id: call, label: {en: Call, zh: 来电}, implies: \(implied)}\n"
                    + "        - {id: sms, label: {en: SMS, zh: 短信}}\n")
        }
        let fixture = try CatalogFixture(["report.yml": implying("{channel: phone}")])
        defer { fixture.remove() }
        let fields = try #require(try CatalogLoader.load(from: fixture.directory).intent("report")?.flow?.fields)
        guard case .choice(let options) = fields[1].kind else { Issue.record("via is not a choice"); return }
        #expect(options.map(\.implies) == [["channel": "phone"], [:]])

        let unknownField = try loadError(["report.yml": implying("{medium: phone}")])
        #expect(unknownField.line == 22)
        #expect(unknownField.message.contains("option 'call' of field 'via' implies 'medium', which is not another choice field"))
        let notChoice = try loadError(["report.yml": implying("{details: phone}")])
        #expect(notChoice.message.contains("implies 'details', which is not another choice field"))
        let unknownOption = try loadError(["report.yml": implying("{channel: fax}")])
        #expect(unknownOption.message.contains("implies channel: 'fax', which is not one of its options (telegram, phone)"))
    }

    @Test("follow_up names a ticket flow that has each carried field; anything else is an error at its line")
    func followUp() throws {
        func leading(to target: String, carrying carried: String) -> String {
            CatalogFixture.report.replacingOccurrences(
                of: "  ticket: false\n",
                with: "  ticket: false\n  follow_up: {when: {field: channel, in: [telegram]}, intent: \(target), carry: [\(carried)]}\n")
        }
        let theft = CatalogFixture.report.replacingOccurrences(of: "id: report", with: "id: theft")
            .replacingOccurrences(of: "ticket: false", with: "ticket: true")
        let fixture = try CatalogFixture(["report.yml": leading(to: "theft", carrying: "channel"), "theft.yml": theft])
        defer { fixture.remove() }
        let followUp = try CatalogLoader.load(from: fixture.directory).intent("report")?.flow?.followUp
        #expect(followUp == FollowUp(condition: FieldCondition(field: "channel", values: ["telegram"]), intent: "theft", carried: ["channel"]))

        let noFlow = try loadError(["report.yml": leading(to: "greeting", carrying: "channel"), "theft.yml": theft])
        #expect(noFlow.file == "report.yml")
        #expect(noFlow.line == 8)
        #expect(noFlow.message.contains("follow_up names 'greeting', which is not an intent whose flow files a ticket"))

        let untracked = try loadError([
            "report.yml": leading(to: "theft", carrying: "channel"),
            "theft.yml": theft.replacingOccurrences(of: "ticket: true", with: "ticket: false"),
        ])
        #expect(untracked.message.contains("not an intent whose flow files a ticket"))

        let renamed = theft.replacingOccurrences(of: "- name: details", with: "- name: notes")
        let missing = try loadError(["report.yml": leading(to: "theft", carrying: "details"), "theft.yml": renamed])
        #expect(missing.message.contains("follow_up carries 'details', but 'theft' has no field of that name and type"))

        let notOwn = try loadError(["report.yml": leading(to: "theft", carrying: "wallet"), "theft.yml": theft])
        #expect(notOwn.message.contains("follow_up.carry names 'wallet', which is not a field of this flow"))

        let answering = { (answer: String) in
            leading(to: "theft", carrying: "channel").replacingOccurrences(
                of: "carry: [channel]}", with: "carry: [channel], answers: [\(answer)]}")
        }
        let answered = try CatalogFixture([
            "report.yml": answering("{field: channel, value: phone, when: {field: channel, in: [telegram]}}"), "theft.yml": theft,
        ])
        defer { answered.remove() }
        #expect(
            try CatalogLoader.load(from: answered.directory).intent("report")?.flow?.followUp?.answers
                == [FollowUpAnswer(field: "channel", value: "phone", condition: FieldCondition(field: "channel", values: ["telegram"]))])
        let badOption = try loadError(["report.yml": answering("{field: channel, value: fax}"), "theft.yml": theft])
        #expect(badOption.message.contains("follow_up answers 'channel' with 'fax'; use one of: telegram, phone"))
        let notAsked = try loadError(["report.yml": answering("{field: wallet, value: x}"), "theft.yml": theft])
        #expect(notAsked.message.contains("follow_up answers 'wallet', which 'theft' does not ask"))

        let itself = try loadError(["report.yml": leading(to: "report", carrying: "channel")])
        #expect(itself.message.contains("a flow cannot follow up with its own intent 'report'"))
    }

    @Test("follow_up instead_at_opening loads on a yes condition of a yes_no field with opening_yes; on any other condition it is an error")
    func followUpInsteadAtOpening() throws {
        let yesNo = CatalogFixture.report.replacingOccurrences(
            of: "      type: text\n      required: false\n      min: 10\n      max: 500\n",
            with: "      type: yes_no\n      required: false\n      opening_yes: [money is gone]\n")
        func leading(when condition: String, flag: String = "true") -> String {
            yesNo.replacingOccurrences(
                of: "  ticket: false\n",
                with: "  ticket: false\n  follow_up: {when: \(condition), intent: theft, carry: [channel], instead_at_opening: \(flag)}\n")
        }
        let theft = CatalogFixture.report.replacingOccurrences(of: "id: report", with: "id: theft")
            .replacingOccurrences(of: "ticket: false", with: "ticket: true")
        let fixture = try CatalogFixture(["report.yml": leading(when: "{field: details, in: [yes]}"), "theft.yml": theft])
        defer { fixture.remove() }
        #expect(try CatalogLoader.load(from: fixture.directory).intent("report")?.flow?.followUp?.replacesAtOpening == true)

        let onChoice = try loadError(["report.yml": leading(when: "{field: channel, in: [telegram]}"), "theft.yml": theft])
        #expect(onChoice.line == 8)
        #expect(onChoice.message.contains("instead_at_opening needs a 'when' of one yes_no field with opening_yes phrases"))
        let onNo = try loadError(["report.yml": leading(when: "{field: details, in: [no]}"), "theft.yml": theft])
        #expect(onNo.message.contains("'details' is not one"))
        let offOnChoice = try CatalogFixture(
            ["report.yml": leading(when: "{field: channel, in: [telegram]}", flag: "false"), "theft.yml": theft])
        defer { offOnChoice.remove() }
        #expect(try CatalogLoader.load(from: offOnChoice.directory).intent("report")?.flow?.followUp?.replacesAtOpening == false)
    }

    @Test("turns_into names ticket flows other than its own; anything else is an error at its line")
    func turnsInto() throws {
        let turning = { (targets: String) in
            CatalogFixture.report.replacingOccurrences(of: "  ticket: false\n", with: "  ticket: false\n  turns_into: [\(targets)]\n")
        }
        let theft = CatalogFixture.report.replacingOccurrences(of: "id: report", with: "id: theft")
            .replacingOccurrences(of: "ticket: false", with: "ticket: true")
        let fixture = try CatalogFixture(["report.yml": turning("theft"), "theft.yml": theft])
        defer { fixture.remove() }
        #expect(try CatalogLoader.load(from: fixture.directory).intent("report")?.flow?.turnsInto == ["theft"])

        let noTicket = try loadError(["report.yml": turning("theft, greeting"), "theft.yml": theft])
        #expect(noTicket.file == "report.yml")
        #expect(noTicket.line == 8)
        #expect(noTicket.message.contains("turns_into names 'greeting', which is not an intent whose flow files a ticket"))
        let itself = try loadError(["report.yml": turning("report")])
        #expect(itself.message.contains("a flow cannot turn into its own intent 'report'"))
    }

    @Test("reply_in_flow loads and lets an intent with a flow answer mid-report")
    func replyInFlow() throws {
        let withReply = CatalogFixture.report.replacingOccurrences(
            of: "flow:\n", with: "reply_in_flow: {en: \"Meanwhile.\", zh: \"另外。\"}\nflow:\n")
        let fixture = try CatalogFixture(["report.yml": withReply])
        defer { fixture.remove() }
        let catalog = try CatalogLoader.load(from: fixture.directory)
        let intent = try #require(catalog.intent("report"))
        #expect(intent.replyInFlow == LocalizedText(en: "Meanwhile.", zh: "另外。"))
        #expect(intent.answersMidFlow)
        #expect(try #require(catalog.intent("greeting")).answersMidFlow, "no flow")
    }

    @Test("reply_again loads; without it there is none")
    func replyAgain() throws {
        let withReply = CatalogFixture.greeting + "reply_again: {en: \"Hello again.\", zh: \"又见面了。\"}\n"
        let fixture = try CatalogFixture(["greeting.yml": withReply])
        defer { fixture.remove() }
        let catalog = try CatalogLoader.load(from: fixture.directory)
        #expect(catalog.intent("greeting")?.replyAgain == LocalizedText(en: "Hello again.", zh: "又见面了。"))
        #expect(catalog.intent("report")?.replyAgain == nil)
    }

    @Test("a missing id is an error at the top of the file")
    func missingID() throws {
        let error = try loadError([
            "greeting.yml": CatalogFixture.greeting.replacingOccurrences(of: "id: greeting\n", with: "")
        ])
        #expect(error.file == "greeting.yml")
        #expect(error.line == 1)
        #expect(error.message.contains("'id'"))
    }

    @Test("an id that does not match the file name is an error at the id")
    func idMismatch() throws {
        let error = try loadError(["hello.yml": CatalogFixture.greeting])
        #expect(error.file == "hello.yml")
        #expect(error.line == 1)
        #expect(error.message.contains("hello.yml") || error.message.contains("id: hello"))
    }

    @Test("YAML syntax errors and duplicate keys carry the parser's line")
    func yamlErrors() throws {
        let syntax = try loadError(["greeting.yml": "id: greeting\nexamples:\n  en: [\"unclosed\n"])
        #expect(syntax.file == "greeting.yml")
        #expect(syntax.line != nil)
        #expect(syntax.message.contains("invalid YAML"))

        let duplicate = try loadError(["greeting.yml": CatalogFixture.greeting + "priority: high\n"])
        #expect(duplicate.file == "greeting.yml")
        #expect(duplicate.line == 2 || duplicate.line == 11)
        #expect(duplicate.message.contains("priority"))
    }

    @Test("a condition must refer to an earlier field and to one of its options")
    func badCondition() throws {
        let unknownField = CatalogFixture.report.replacingOccurrences(of: "field: channel", with: "field: chanel")
        let first = try loadError(["report.yml": unknownField])
        #expect(first.file == "report.yml" && first.line == 24)
        #expect(first.message.contains("chanel"))

        let unknownOption = CatalogFixture.report.replacingOccurrences(of: "in: [telegram]", with: "in: [signal]")
        let second = try loadError(["report.yml": unknownOption])
        #expect(second.file == "report.yml" && second.line == 24)
        #expect(second.message.contains("signal"))
    }

    @Test("config.yml rejects unknown keys and bad values at their lines")
    func configErrors() throws {
        let unknown = try loadError(["config.yml": CatalogFixture.config + "colour: blue\n"])
        #expect(unknown.file == "config.yml" && unknown.line == 7)
        let zone = try loadError([
            "config.yml": CatalogFixture.config.replacingOccurrences(of: "Asia/Shanghai", with: "Mars/Olympus")
        ])
        #expect(zone.file == "config.yml" && zone.line == 5)
        #expect(zone.message.contains("Mars/Olympus"))
    }

    @Test("an unknown language is an error")
    func unknownLanguage() throws {
        let error = try loadError([
            "greeting.yml": CatalogFixture.greeting.replacingOccurrences(of: "  zh: [\"你好\"", with: "  fr: [\"salut\"")
        ])
        #expect(error.file == "greeting.yml" && error.line == 5)
        #expect(error.message.contains("fr"))
    }

    @Test("a missing config.yml is reported; read collects one error per broken file")
    func collectsErrors() throws {
        let fixture = try CatalogFixture(["greeting.yml": "id: [", "report.yml": "id: other\n"])
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("config.yml"))
        let reading = CatalogLoader.read(from: fixture.directory)
        #expect(reading.loaded == nil)
        #expect(reading.errors.map(\.file) == ["config.yml", "greeting.yml", "report.yml"])
    }

    @Test("a directory that does not exist is a clear error")
    func missingDirectory() {
        let url = URL(fileURLWithPath: "/nonexistent/intents-\(UUID().uuidString)")
        #expect(throws: CatalogError.self) { try CatalogLoader.load(from: url) }
    }

    @Test("the bundled BIP-39 wordlists have 2048 words each")
    func wordlists() throws {
        let lists = try CatalogLoader.bundledWordlists()
        #expect(lists.english.count == 2048)
        #expect(lists.chineseSimplified.count == 2048)
        #expect(lists.chineseTraditional.count == 2048)
        #expect(lists.english.first == "abandon")
        #expect(lists.english.last == "zoo")
        #expect(lists.chineseSimplified.first == "的")
    }
}
