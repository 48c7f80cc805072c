import Foundation
import GRDB
import Testing

@testable import SupportStore

@Suite struct StoredDateTests {
    @Test("the hand-made text equals GRDB's own for dates across centuries, leap days and millisecond edges")
    func matchesGRDB() {
        var dates = [
            0, 951_782_400, 951_868_799.9999, 1_709_164_800, 1_790_000_000.123_456, 4_102_444_799.999, 253_402_300_799,
        ].map(Date.init(timeIntervalSince1970:))
        var state: UInt64 = 42
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            dates.append(Date(timeIntervalSince1970: Double(state >> 31) / 1000))
        }
        for date in dates {
            #expect(StoredDate(date).databaseValue == date.databaseValue, "\(date.timeIntervalSince1970)")
        }
    }

    @Test("a stored value reads back as the same Date, to the millisecond")
    func readsBack() throws {
        let date = Date(timeIntervalSince1970: 1_790_000_000.25)
        let read = try #require(Date.fromDatabaseValue(StoredDate(date).databaseValue))
        #expect(abs(read.timeIntervalSince(date)) < 0.001)
    }
}
