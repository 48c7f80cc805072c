import Foundation

/// The CLINC150 / OOS-eval `data_full.json` layout: one object with `train`, `val`, `test` and
/// the out-of-scope parts `oos_train`, `oos_val`, `oos_test`, each a list of `[text, intent]`.
public struct ClincDataset: Sendable {
    /// The label CLINC150 gives out-of-scope messages.
    public static let outOfScopeLabel: IntentID = "oos"

    public var train: [TrainingExample]
    public var validation: [TrainingExample]
    public var test: [TrainingExample]
    public var outOfScopeTrain: [TrainingExample]
    public var outOfScopeValidation: [TrainingExample]
    public var outOfScopeTest: [TrainingExample]

    /// True when the file has any out-of-scope part.
    public var hasOutOfScope: Bool {
        !(outOfScopeTrain.isEmpty && outOfScopeValidation.isEmpty && outOfScopeTest.isEmpty)
    }

    /// Parses the JSON document.
    /// - Throws: `DatasetError` when it is not JSON of this shape or lacks `train` or `test`.
    public init(json: Data) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw DatasetError(message: "not valid JSON (\(error.localizedDescription))")
        }
        guard let parts = object as? [String: Any] else {
            throw DatasetError(message: "expected a JSON object with keys train, val, test, oos_*")
        }
        func part(_ key: String, required: Bool) throws -> [TrainingExample] {
            guard let value = parts[key] else {
                if required { throw DatasetError(message: "the JSON object has no '\(key)' list") }
                return []
            }
            guard let pairs = value as? [Any] else { throw DatasetError(message: "'\(key)' is not a list") }
            return try pairs.enumerated().map { position, pair in
                guard let fields = pair as? [Any], fields.count == 2, let text = fields[0] as? String,
                    let label = fields[1] as? String
                else {
                    throw DatasetError(message: "'\(key)'[\(position)] is not a [text, intent] pair of strings")
                }
                return TrainingExample(text: text, label: IntentID(label))
            }
        }
        train = try part("train", required: true)
        validation = try part("val", required: false)
        test = try part("test", required: true)
        outOfScopeTrain = try part("oos_train", required: false)
        outOfScopeValidation = try part("oos_val", required: false)
        outOfScopeTest = try part("oos_test", required: false)
    }
}
