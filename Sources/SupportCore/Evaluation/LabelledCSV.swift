import Foundation

/// Reads a labelled CSV set such as BANKING77 (`text,category` with a header row).
public enum LabelledCSV {
    /// Column names accepted for the label, in order of preference.
    static let labelColumns = ["category", "label", "intent"]

    /// The examples of a CSV document whose header names a `text` column and a `category`
    /// (or `label`/`intent`) column.
    /// - Throws: `CSVError` for malformed CSV, a missing column, or a record with too few fields.
    public static func examples(from text: String) throws -> [TrainingExample] {
        let records = try CSVParser.records(in: text)
        guard let header = records.first else {
            throw CSVError(line: 1, message: "the file is empty; expected a header row 'text,category'")
        }
        let names = header.map { $0.trimmedSpaces.lowercased() }
        guard let textColumn = names.firstIndex(of: "text"),
            let labelColumn = labelColumns.lazy.compactMap({ names.firstIndex(of: $0) }).first
        else {
            throw CSVError(line: 1, message: "the header must name a 'text' and a 'category' column, found \(header)")
        }
        var examples: [TrainingExample] = []
        examples.reserveCapacity(records.count - 1)
        for (number, record) in records.dropFirst().enumerated() {
            guard record.count > max(textColumn, labelColumn) else {
                throw CSVError(
                    line: number + 2,
                    message: "record \(number + 1) has \(record.count) fields, expected \(header.count)")
            }
            examples.append(TrainingExample(text: record[textColumn], label: IntentID(record[labelColumn])))
        }
        return examples
    }
}
