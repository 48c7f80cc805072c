import SupportCore

/// Reads `Intents/messages.yml`: `<message key>: {en: ..., zh: ...}`.
struct MessagesFile {
    let root: YAMLValue

    func read(into sources: inout CatalogSourceMap) throws(CatalogError) -> [MessageKey: LocalizedText] {
        var messages: [MessageKey: LocalizedText] = [:]
        for entry in try root.mapping("messages.yml") {
            let key = MessageKey(rawValue: entry.key)
            messages[key] = try entry.value.localizedText("message '\(entry.key)'")
            sources[.message(key)] = entry.value.location
        }
        return messages
    }
}
