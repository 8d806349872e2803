public extension Money {
    /// The amount with exactly the currency's decimals: `-12.30`, `1500` (JPY), `0.125` (KWD).
    /// `decimalSeparator` is `.` for recon's own files; writers for other tools may pass `,`.
    func formatted(decimalSeparator: Character = ".") -> String {
        let exponent = currency.exponent
        let negative = minorUnits < 0
        let digits = String(minorUnits.magnitude)
        var result = negative ? "-" : ""
        if exponent == 0 {
            result += digits
            return result
        }
        if digits.count <= exponent {
            result += "0"
            result.append(decimalSeparator)
            result += String(repeating: "0", count: exponent - digits.count) + digits
        } else {
            let split = digits.index(digits.endIndex, offsetBy: -exponent)
            result += digits[..<split]
            result.append(decimalSeparator)
            result += digits[split...]
        }
        return result
    }

    /// Writes the formatted amount as bytes into `buffer` (for the streaming writers).
    func write(to buffer: inout [UInt8], decimalSeparator: UInt8 = UInt8(ascii: ".")) {
        let exponent = currency.exponent
        var magnitude = minorUnits.magnitude
        var scratch: [UInt8] = []
        scratch.reserveCapacity(24)
        var produced = 0
        repeat {
            scratch.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
            produced += 1
            if produced == exponent { scratch.append(decimalSeparator) }
        } while magnitude > 0 || produced <= exponent
        if minorUnits < 0 { buffer.append(UInt8(ascii: "-")) }
        buffer.append(contentsOf: scratch.reversed())
    }
}
