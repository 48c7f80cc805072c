/// How soon a human should look at a case. Ordered: `urgent` sorts first in the queue.
public enum Priority: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case low, normal, high, urgent

    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }

    /// One step up, capped at `urgent`.
    public var raised: Priority { Priority.allCases.first { $0.rank == rank + 1 } ?? .urgent }
}
