/// Counts the open connections against `ServerLimits.maxConnections`.
actor ConnectionGate {
    private let limit: Int
    private(set) var openCount = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Admits one more connection if the limit allows; pair a `true` with `leave()`.
    func enter() -> Bool {
        guard openCount < limit else { return false }
        openCount += 1
        return true
    }

    func leave() {
        openCount -= 1
    }
}
