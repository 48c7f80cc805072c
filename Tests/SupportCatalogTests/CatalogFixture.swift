import Foundation

/// A throw-away `Intents/` directory in the temporary folder, seeded with a minimal valid catalog.
struct CatalogFixture {
    let directory: URL

    /// A valid config.yml, messages.yml and one intent; `files` replaces or adds files by name.
    init(_ files: [String: String] = [:], withDefaults: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("catalog-fixture-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var all = withDefaults ? Self.defaults : [:]
        all.merge(files) { _, new in new }
        for (name, text) in all { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static let config = """
        brand: TestWallet
        official_domains: [example.org]
        support_email: help@example.org
        support_hours: {en: "weekdays 9-5", zh: "工作日 9-5"}
        time_zone: Asia/Shanghai
        thresholds: {minimum_confidence: 0.4, max_field_attempts: 2}

        """

    static let messages = """
        flow.cancelled: {en: "Stopped.", zh: "已停止。"}

        """

    /// An intent with a flow; line numbers below are relied on by tests.
    static let greeting = """
        id: greeting
        priority: low
        examples:
          en: ["hello", "hi there"]
          zh: ["你好", "在吗"]
        keywords:
          en: {hello: 1.5}
        reply:
          en: "Hello."
          zh: "您好。"

        """

    static let report = """
        id: report
        examples:
          en: ["my coins were stolen"]
          zh: ["币被盗了"]
        reply: {en: "Sorry.", zh: "抱歉。"}
        flow:
          ticket: false
          done: {en: "Thanks, {channel}.", zh: "谢谢。"}
          fields:
            - name: channel
              type: choice
              label: {en: Channel, zh: 渠道}
              prompt: {en: "Where?", zh: "在哪里？"}
              options:
                - {id: telegram, label: {en: Telegram, zh: Telegram}, aliases: [tg, 电报]}
                - {id: phone, label: {en: Phone, zh: 电话}}
            - name: details
              type: text
              required: false
              min: 10
              max: 500
              label: {en: Details, zh: 详情}
              prompt: {en: "What happened?", zh: "发生了什么？"}
              when: {field: channel, in: [telegram]}

        """

    static let defaults: [String: String] = [
        "config.yml": config, "messages.yml": messages, "greeting.yml": greeting, "report.yml": report,
    ]
}
