import Foundation
import SupportCore
import Yams

/// Reads `Intents/` (config.yml, messages.yml, one file per intent) into a `Catalog`.
public enum CatalogLoader {
    /// The desk's settings file inside the intents directory.
    public static let configurationFile = "config.yml"
    /// The engine's own sentences inside the intents directory.
    public static let messagesFile = "messages.yml"

    /// Loads and checks the catalog in `directory`.
    /// - Throws: `CatalogError` naming the file and line of the first problem.
    public static func load(from directory: URL) throws(CatalogError) -> Catalog {
        try loadWithSources(from: directory).catalog
    }

    /// Loads the catalog and the location of every piece of content in it.
    /// - Throws: `CatalogError` naming the file and line of the first problem.
    public static func loadWithSources(from directory: URL) throws(CatalogError) -> LoadedCatalog {
        let reading = read(from: directory)
        if let first = reading.errors.first { throw first }
        guard let loaded = reading.loaded else {
            throw CatalogError(file: directory.path, line: nil, message: "the catalog could not be read")
        }
        return loaded
    }

    /// Reads every file, collecting one error per broken file instead of stopping at the first.
    public static func read(from directory: URL) -> CatalogReading {
        let fileNames: [String]
        do {
            fileNames = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            let problem = CatalogError(
                file: directory.path, line: nil,
                message: "cannot list the intents directory (\(error.localizedDescription)); pass --intents DIR")
            return CatalogReading(loaded: nil, errors: [problem])
        }
        var errors: [CatalogError] = []
        var sources = CatalogSourceMap()
        var configuration: DeskConfiguration?
        var messages: [MessageKey: LocalizedText] = [:]
        var intents: [IntentDefinition] = []

        for required in [configurationFile, messagesFile] where !fileNames.contains(required) {
            errors.append(
                CatalogError(file: required, line: nil, message: "\(required) is missing from \(directory.path)"))
        }
        for name in fileNames {
            if name.hasSuffix(".yaml") {
                errors.append(CatalogError(file: name, line: nil, message: "rename to .yml; only .yml files are read"))
                continue
            }
            guard name.hasSuffix(".yml") else { continue }
            do {
                let root = try document(named: name, in: directory)
                switch name {
                case configurationFile: configuration = try DeskConfigurationFile(root: root).read(into: &sources)
                case messagesFile: messages = try MessagesFile(root: root).read(into: &sources)
                default:
                    let expectedID = String(name.dropLast(".yml".count))
                    intents.append(try IntentFile(root: root, expectedID: expectedID).read(into: &sources))
                }
            } catch {
                errors.append(error)
            }
        }
        guard let configuration else { return CatalogReading(loaded: nil, errors: errors) }
        errors += followUpErrors(intents, sources: sources)
        errors += turnsIntoErrors(intents, sources: sources)
        let catalog = Catalog(
            configuration: configuration, intents: intents.sorted { $0.id < $1.id }, messages: messages)
        return CatalogReading(loaded: LoadedCatalog(catalog: catalog, sources: sources), errors: errors)
    }

    /// A `follow_up` must name an intent whose flow files a ticket and has each carried field, of the
    /// same type: an answer is only taken over where it means the same thing.
    static func followUpErrors(_ intents: [IntentDefinition], sources: CatalogSourceMap) -> [CatalogError] {
        var errors: [CatalogError] = []
        for intent in intents {
            guard let flow = intent.flow, let followUp = flow.followUp else { continue }
            let location = sources.location(of: .followUp(intent.id), or: intent.source)
            func error(_ message: String) -> CatalogError {
                CatalogError(file: location?.file ?? "\(intent.id).yml", line: location?.line, message: message)
            }
            guard let target = intents.first(where: { $0.id == followUp.intent })?.flow, target.createsTicket else {
                errors.append(error("follow_up names '\(followUp.intent)', which is not an intent whose flow files a ticket"))
                continue
            }
            for answer in followUp.answers {
                guard let field = target.fields.first(where: { $0.name == answer.field }) else {
                    errors.append(error("follow_up answers '\(answer.field)', which '\(followUp.intent)' does not ask"))
                    continue
                }
                if let allowed = field.kind.storedValues, !allowed.contains(answer.value) {
                    errors.append(
                        error(
                            "follow_up answers '\(answer.field)' with '\(answer.value)'; use one of: "
                                + allowed.joined(separator: ", ")))
                }
            }
            for name in followUp.carried {
                let own = flow.fields.first { $0.name == name }
                guard let other = target.fields.first(where: { $0.name == name }), other.kind == own?.kind else {
                    errors.append(
                        error("follow_up carries '\(name)', but '\(followUp.intent)' has no field of that name and type"))
                    continue
                }
            }
        }
        return errors
    }

    /// Each intent a flow `turns_into` must be one whose flow files a ticket.
    static func turnsIntoErrors(_ intents: [IntentDefinition], sources: CatalogSourceMap) -> [CatalogError] {
        var errors: [CatalogError] = []
        for intent in intents {
            for target in intent.flow?.turnsInto ?? []
            where !(intents.first(where: { $0.id == target })?.flow?.createsTicket ?? false) {
                let location = sources.location(of: .turnsInto(intent.id), or: intent.source)
                errors.append(
                    CatalogError(
                        file: location?.file ?? "\(intent.id).yml", line: location?.line,
                        message: "turns_into names '\(target)', which is not an intent whose flow files a ticket"))
            }
        }
        return errors
    }

    /// Parses one YAML file into its root node, mapping parser errors to `file:line`.
    private static func document(named name: String, in directory: URL) throws(CatalogError) -> YAMLValue {
        let url = directory.appendingPathComponent(name)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CatalogError(
                file: name, line: nil, message: "cannot read the file as UTF-8 (\(error.localizedDescription))")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw CatalogError(yamlError: error, file: name)
        } catch {
            throw CatalogError(file: name, line: nil, message: "invalid YAML: \(error)")
        }
        guard let node else { throw CatalogError(file: name, line: 1, message: "the file is empty") }
        return YAMLValue(node: node, file: name)
    }

    /// The BIP-39 wordlists shipped as resources of this module.
    public static func bundledWordlists() throws -> MnemonicWordlists {
        func words(_ name: String) throws -> [String] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "bip39") else {
                throw CatalogError(
                    file: "bip39/\(name).txt", line: nil, message: "the BIP-39 wordlist is missing from the build")
            }
            return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        return MnemonicWordlists(
            english: try words("english"), chineseSimplified: try words("chinese_simplified"),
            chineseTraditional: try words("chinese_traditional"))
    }
}

/// A catalog and where each part of it was read from.
public struct LoadedCatalog: Sendable {
    public var catalog: Catalog
    public var sources: CatalogSourceMap
}

/// The result of reading a directory without stopping at the first error.
public struct CatalogReading: Sendable {
    /// The catalog built from the files that parsed; nil when config.yml is unusable.
    public var loaded: LoadedCatalog?
    /// One error per file that could not be read, in file-name order.
    public var errors: [CatalogError]
}

extension CatalogError {
    /// Converts a Yams parse error into a located catalog error.
    init(yamlError: YamlError, file: String) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            self.init(file: file, line: mark.line, message: "invalid YAML: \(prefix)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(
                file: file, line: context.mark.line,
                message:
                    "duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")); each key may appear once"
            )
        case .reader(let problem, _, _, _):
            self.init(file: file, line: nil, message: "invalid YAML: \(problem)")
        default:
            self.init(file: file, line: nil, message: "invalid YAML: \(yamlError)")
        }
    }
}
