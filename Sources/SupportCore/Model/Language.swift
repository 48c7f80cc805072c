import Foundation

/// A language the bot understands and answers in.
public enum Language: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case en
    case zh

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Between the items of a list: "a, b" / "a、b".
    public var listSeparator: String { self == .zh ? "、" : ", " }

    /// Between a label and its value: "Network: TRON" / "链：波场".
    public var labelSeparator: String { self == .zh ? "：" : ": " }

    /// Between sentences: Chinese sentences end in "。" and run on without a space.
    public var sentenceSeparator: String { self == .zh ? "" : " " }
}

/// A piece of text written once per language, as content authors write it in `Intents/`.
public struct LocalizedText: Codable, Hashable, Sendable {
    public var values: [Language: String]

    public init(_ values: [Language: String]) { self.values = values }

    public init(en: String, zh: String) { self.values = [.en: en, .zh: zh] }

    /// The text in `language`, falling back to English and then to any language present.
    public func callAsFunction(_ language: Language) -> String {
        values[language] ?? values[.en] ?? values.values.first ?? ""
    }

    /// Languages this text is missing, for `lint`.
    public var missingLanguages: [Language] { Language.allCases.filter { (values[$0] ?? "").isEmpty } }
}
