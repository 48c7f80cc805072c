import Foundation
import GRDB

/// A timestamp bound as GRDB stores a `Date` (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), formatted by hand.
///
/// GRDB formats `Date` with a `DateFormatter`, which on Linux goes through ICU: that was 40% of the
/// conversation log's write, two timestamps per message. Values read back as `Date` as before; a
/// test holds the text equal to GRDB's.
struct StoredDate: DatabaseValueConvertible {
    let date: Date

    init(_ date: Date) { self.date = date }

    var databaseValue: DatabaseValue { Self.text(of: date).databaseValue }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredDate? {
        Date.fromDatabaseValue(dbValue).map(StoredDate.init)
    }

    /// `date` as `yyyy-MM-dd HH:mm:ss.SSS` in UTC, to the nearest millisecond as `DateFormatter` gives it.
    static func text(of date: Date) -> String {
        // As ICU gets it from Foundation: seconds since 1970 in milliseconds, rounded to the nearest.
        let milliseconds = Int64(((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000).rounded())
        let (days, inDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, millisecond) = inDay < 0 ? (days - 1, inDay + 86_400_000) : (days, inDay)
        let (year, month, dayOfMonth) = civil(fromDays: day)
        var text = ""
        text.reserveCapacity(23)
        text += zeroPadded(year, width: 4)
        text += "-"
        text += zeroPadded(month, width: 2)
        text += "-"
        text += zeroPadded(dayOfMonth, width: 2)
        text += " "
        text += zeroPadded(millisecond / 3_600_000, width: 2)
        text += ":"
        text += zeroPadded(millisecond / 60_000 % 60, width: 2)
        text += ":"
        text += zeroPadded(millisecond / 1000 % 60, width: 2)
        text += "."
        text += zeroPadded(millisecond % 1000, width: 3)
        return text
    }

    /// Year, month and day of the proleptic Gregorian calendar for days since 1970-01-01
    /// (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// `value` in decimal, with leading zeros up to `width` digits (`T-000123`, timestamps).
func zeroPadded(_ value: Int64, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.utf8.count)) + digits
}
