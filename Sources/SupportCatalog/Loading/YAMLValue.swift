import Foundation
import SupportCore
import Yams

/// A YAML node together with the file it came from, so every read can fail with `file:line`.
struct YAMLValue {
    let node: Node
    /// File name as shown in messages, e.g. `report_theft.yml`.
    let file: String

    /// 1-based line of the node, or 1 when the parser gave none.
    var line: Int { node.mark?.line ?? 1 }

    var location: SourceLocation { SourceLocation(file: file, line: line) }

    /// An error at this node.
    func error(_ message: String) -> CatalogError { CatalogError(file: file, line: line, message: message) }

    // MARK: - Scalars

    /// The scalar text, or an error naming `what` the author should have written.
    func string(_ what: String) throws(CatalogError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(what) must be a single value, not a \(kindName)") }
        return scalar.string
    }

    /// A non-empty trimmed string.
    func nonEmptyString(_ what: String) throws(CatalogError) -> String {
        let text = try string(what).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error("\(what) is empty") }
        return text
    }

    func double(_ what: String) throws(CatalogError) -> Double {
        let text = try string(what)
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw error("\(what) must be a number, found '\(text)'")
        }
        return value
    }

    func int(_ what: String) throws(CatalogError) -> Int {
        let text = try string(what)
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw error("\(what) must be a whole number, found '\(text)'")
        }
        return value
    }

    func bool(_ what: String) throws(CatalogError) -> Bool {
        let text = try string(what)
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("\(what) must be true or false, found '\(text)'")
        }
    }

    // MARK: - Collections

    /// The items of a sequence (an empty list for `[]`).
    func sequence(_ what: String) throws(CatalogError) -> [YAMLValue] {
        guard case .sequence(let items) = node else { throw error("\(what) must be a list, not a \(kindName)") }
        return items.map { YAMLValue(node: $0, file: file) }
    }

    /// A list of strings.
    func strings(_ what: String) throws(CatalogError) -> [String] {
        var result: [String] = []
        for item in try sequence(what) { result.append(try item.string("each entry of \(what)")) }
        return result
    }

    /// The key/value pairs of a mapping, in file order, rejecting keys outside `allowed` (nil: any key).
    func mapping(_ what: String, allowed: [String]? = nil) throws(CatalogError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw error("\(what) must be a mapping (key: value), not a \(kindName)")
        }
        var entries: [YAMLMapping.Entry] = []
        for (key, value) in mapping {
            let keyValue = YAMLValue(node: key, file: file)
            let name = try keyValue.string("a key in \(what)")
            if let allowed, !allowed.contains(name) {
                throw keyValue.error(
                    "unknown key '\(name)' in \(what); expected one of: \(allowed.joined(separator: ", "))")
            }
            entries.append(
                YAMLMapping.Entry(key: name, keyLine: keyValue.line, value: YAMLValue(node: value, file: file)))
        }
        return YAMLMapping(entries: entries, owner: self)
    }

    /// `{en: "...", zh: "..."}`; languages may be missing (lint reports that), unknown ones are errors.
    func localizedText(_ what: String) throws(CatalogError) -> LocalizedText {
        var values: [Language: String] = [:]
        for entry in try mapping(what, allowed: Language.allCases.map(\.rawValue)) {
            let language = Language(rawValue: entry.key)!
            values[language] = try entry.value.string("\(what) (\(entry.key))").trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
        return LocalizedText(values)
    }

    private var kindName: String {
        switch node {
        case .scalar: "single value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}

/// The entries of a YAML mapping with their lines, read by key.
struct YAMLMapping: Sequence {
    struct Entry {
        let key: String
        let keyLine: Int
        let value: YAMLValue
    }

    let entries: [Entry]
    /// The mapping node itself, for "missing key" errors.
    let owner: YAMLValue

    func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    subscript(key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }

    /// The value under `key`, or an error at the mapping saying it is missing.
    func required(_ key: String, in what: String) throws(CatalogError) -> YAMLValue {
        guard let value = self[key] else { throw owner.error("\(what) is missing the required key '\(key)'") }
        return value
    }
}
