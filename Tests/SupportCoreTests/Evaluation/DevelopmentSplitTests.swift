import Testing

@testable import SupportCore

@Suite struct DevelopmentSplitTests {
    @Test("folds are stratified, disjoint and together hold out every example once")
    func stratifiedFolds() {
        let examples =
            (0..<10).map { TrainingExample(text: "a\($0)", label: "a") }
            + (0..<5).map { TrainingExample(text: "b\($0)", label: "b") }
        let folds = DevelopmentSplit.folds(of: examples, count: 5)
        #expect(folds.count == 5)
        for fold in folds {
            #expect(fold.heldOut.filter { $0.label == "a" }.count == 2)
            #expect(fold.heldOut.filter { $0.label == "b" }.count == 1)
            #expect(fold.train.count + fold.heldOut.count == examples.count)
            #expect(Set(fold.train.map(\.text)).isDisjoint(with: fold.heldOut.map(\.text)))
        }
        #expect(Set(folds.flatMap { $0.heldOut.map(\.text) }) == Set(examples.map(\.text)))
    }
}
