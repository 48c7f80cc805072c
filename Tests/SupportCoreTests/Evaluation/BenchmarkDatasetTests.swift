import Foundation
import Testing

@testable import SupportCore

@Suite struct BenchmarkDatasetTests {
    private func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    @Test("BANKING77 sample: records with line breaks inside quotes stay whole")
    func bankingSample() throws {
        let text = String(decoding: try fixture("banking77_sample.csv"), as: UTF8.self)
        let examples = try LabelledCSV.examples(from: text)
        #expect(examples.count == 8)
        #expect(examples[1].text == "I still have not received my new card, I ordered over a week ago.")
        #expect(examples[4].text == "\nI can't seem to be able to use my card\n\n\n")
        #expect(examples[4].label == "card_not_working")
        #expect(examples.last?.label == "pin_blocked")
        #expect(examples.last?.text.hasPrefix("\nI put the wrong pin") == true)
    }

    @Test("a CSV without text and category columns is rejected")
    func missingColumns() throws {
        let error = try #require(throws: CSVError.self) { try LabelledCSV.examples(from: "sentence,intent\nhi,greeting\n") }
        #expect(error.line == 1)
    }

    @Test("a record with too few fields names its line")
    func shortRecord() throws {
        let error = try #require(throws: CSVError.self) {
            try LabelledCSV.examples(from: "text,category\nhello,greeting\nlonely\n")
        }
        #expect(error.line == 3)
    }

    @Test("CLINC150 layout: every split and the out-of-scope parts")
    func clincSample() throws {
        let dataset = try ClincDataset(json: try fixture("clinc150_sample.json"))
        #expect(dataset.train.count == 3)
        #expect(dataset.validation.count == 2)
        #expect(dataset.test.count == 3)
        #expect(dataset.outOfScopeTrain.map(\.label) == ["oos"])
        #expect(dataset.outOfScopeValidation.count == 1)
        #expect(dataset.outOfScopeTest.count == 2)
        #expect(dataset.train[0] == TrainingExample(text: "how much money do i have", label: "balance"))
        let plan = EvaluationPlan.clinc(dataset)
        #expect(plan.validation.count == 3)
        #expect(plan.test.count == 5)
        #expect(EvaluationPlan.clinc(dataset, trainsOutOfScope: true).train.count == 4)
    }

    @Test("CLINC150 JSON without a train split, or with a malformed pair, is rejected")
    func clincErrors() {
        #expect(throws: DatasetError(message: "the JSON object has no 'train' list")) {
            try ClincDataset(json: Data(#"{"test": []}"#.utf8))
        }
        #expect(throws: DatasetError(message: "'train'[1] is not a [text, intent] pair of strings")) {
            try ClincDataset(json: Data(#"{"train": [["a", "b"], ["c"]], "test": []}"#.utf8))
        }
        #expect(throws: DatasetError.self) { try ClincDataset(json: Data("[1, 2]".utf8)) }
    }
}
