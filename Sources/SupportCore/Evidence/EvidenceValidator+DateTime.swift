import Foundation

extension EvidenceValidator {
    /// A date or date-time, absolute or relative, resolved with `context.now` in `context.timeZone`.
    func validateDateTime(_ raw: String, context: ValidationContext) -> FieldValidation {
        switch DateExpression.resolve(raw, now: context.now, timeZone: context.timeZone) {
        case .unparsed: return .rejected(Rejection(.dateUnparsed))
        case .inFuture: return .rejected(Rejection(.dateInFuture))
        case .resolved(let date, let isApproximate):
            return .accepted(
                EvidenceValue(Self.iso8601Minute(date, in: context.timeZone), isApproximate: isApproximate)
            )
        }
    }

    /// `2026-01-09T21:30+08:00`: ISO 8601 to the minute with the zone's offset at that instant.
    static func iso8601Minute(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let offset = timeZone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        func two(_ value: Int?) -> String {
            let number = value ?? 0
            return number < 10 ? "0\(number)" : "\(number)"
        }
        let year = String(parts.year ?? 0)
        return "\(year)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute))"
            + "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
    }
}
