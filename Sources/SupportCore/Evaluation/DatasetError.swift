/// A benchmark file that is not in the expected layout.
public struct DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
