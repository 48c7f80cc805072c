import Foundation
import SupportCatalog
import SupportCore
import SupportTestSupport
import Testing

@Suite("Shipped Intents/")
struct ShippedCatalogTests {
    @Test("the repository's Intents/ loads with every required intent")
    func loads() throws {
        let catalog = try TestCatalog.catalog()
        let ids = Set(catalog.intents.map(\.id))
        for id in IntentID.required { #expect(ids.contains(id), "missing \(id)") }
        #expect(catalog.intents.map(\.id) == catalog.intents.map(\.id).sorted())
        #expect(catalog.configuration.brand == "TokenPocket")
        #expect(catalog.configuration.officialDomains == ["tokenpocket.pro", "tpwallet.io"])
        #expect(TimeZone(identifier: catalog.configuration.timeZone) != nil)
    }

    @Test("the shipped content passes lint without errors")
    func lintsClean() throws {
        let report = CatalogLinter(folds: 0).lint(directory: RepositoryPaths.intents)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.description).joined(separator: "\n"))")
    }

    @Test("no shipped reply, prompt or message asks for a secret")
    func neverAsksForSecrets() throws {
        let catalog = try TestCatalog.catalog()
        var texts = catalog.intents.flatMap { intent in
            [intent.reply] + (intent.flow?.fields.map(\.prompt) ?? []) + (intent.flow?.completion.map { [$0] } ?? [])
        }
        texts += catalog.messages.values
        for text in texts {
            for language in Language.allCases {
                #expect(SecretRequestGuard.request(in: text(language)) == nil, "\(text(language))")
            }
        }
    }

    @Test("support_hours uses the configured hours instead of hard-coding them")
    func supportHoursFromConfiguration() throws {
        let intent = try #require(try TestCatalog.catalog().intent(.supportHours))
        for language in Language.allCases { #expect(intent.reply(language).contains("{support_hours}")) }
    }

    @Test("the shared wordlists load with 2048 words each")
    func wordlists() throws {
        let lists = try TestCatalog.wordlists()
        let counts: [Int] = [lists.english.count, lists.chineseSimplified.count, lists.chineseTraditional.count]
        #expect(counts == [2048, 2048, 2048])
    }
}
