/// A day in the proleptic Gregorian calendar, without time or zone.
///
/// Stored as the number of days since 1970-01-01 so that comparing and adding days is integer math.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let dayNumber: Int32

    public init(dayNumber: Int32) {
        self.dayNumber = dayNumber
    }

    /// The date, or nil when it does not exist (2026-02-30) or lies outside years 1–9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.dayNumber = Int32(CalendarDate.days(fromCivil: year, month, day))
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    public var components: (year: Int, month: Int, day: Int) {
        CalendarDate.civil(fromDays: Int(dayNumber))
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + Int32(days)) }

    public func days(until other: CalendarDate) -> Int { Int(other.dayNumber - dayNumber) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// `YYYY-MM-DD`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DD` to `buffer`.
    public func write(to buffer: inout [UInt8]) {
        // Ten bytes on the stack, appended at once (a byte at a time, by dividing by a variable,
        // cost ~680 instructions a date).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { text in
            write(into: text.baseAddress!)
            buffer.append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// Writes the ten bytes of `YYYY-MM-DD` at `text`.
    public func write(into text: UnsafeMutablePointer<UInt8>) {
        let (year, month, day) = components
        text[0] = UInt8(ascii: "0") + UInt8(year / 1000)
        text[1] = UInt8(ascii: "0") + UInt8(year % 1000 / 100)
        text[2] = UInt8(ascii: "0") + UInt8(year % 100 / 10)
        text[3] = UInt8(ascii: "0") + UInt8(year % 10)
        text[4] = UInt8(ascii: "-")
        text[5] = UInt8(ascii: "0") + UInt8(month / 10)
        text[6] = UInt8(ascii: "0") + UInt8(month % 10)
        text[7] = UInt8(ascii: "-")
        text[8] = UInt8(ascii: "0") + UInt8(day / 10)
        text[9] = UInt8(ascii: "0") + UInt8(day % 10)
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

public extension CalendarDate {
    /// Reads exactly `YYYY-MM-DD`; nil for anything else, including dates that do not exist.
    init?(iso bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = CalendarDate.number(bytes, 0, 4), let month = CalendarDate.number(bytes, 5, 2),
              let day = CalendarDate.number(bytes, 8, 2) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    init?(iso text: String) {
        var text = text
        guard let date = text.withUTF8({ CalendarDate(iso: $0) }) else { return nil }
        self = date
    }

    /// Parses `length` ASCII digits at `start`; nil when any is not a digit.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + length) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
