public extension Money {
    /// The amount with exactly the currency's decimals: `-12.30`, `1500` (JPY), `0.125` (KWD).
    /// `decimalSeparator` is `.` for recon's own files; writers for other tools may pass `,`.
    func formatted(decimalSeparator: Character = ".") -> String {
        let exponent = currency.exponent
        // The usual separator through the byte writer, straight into the string's storage (the
        // text pieces below cost ~2,000 instructions an amount: reasons name amounts by the
        // hundred thousand).
        if let separator = decimalSeparator.asciiValue, 24 + exponent <= Self.maxWrittenBytes {
            return String(unsafeUninitializedCapacity: Self.maxWrittenBytes) { buffer in
                write(into: buffer.baseAddress!, decimalSeparator: separator)
            }
        }
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

    /// Room enough for what `write(into:decimalSeparator:)` writes: a sign, at most 20 digits (a
    /// `UInt64`'s, or the exponent's leading zeros and one more) and a separator.
    static let maxWrittenBytes = 24 + 9

    /// Writes the formatted amount as bytes into `buffer` (for the streaming writers).
    func write(to buffer: inout [UInt8], decimalSeparator: UInt8 = UInt8(ascii: ".")) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxWrittenBytes) { scratch in
            let written = write(into: scratch.baseAddress!, decimalSeparator: decimalSeparator)
            buffer.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress!, count: written))
        }
    }

    /// Writes the formatted amount at `out`, which has room for `maxWrittenBytes`; returns how many
    /// bytes it wrote.
    func write(into out: UnsafeMutablePointer<UInt8>, decimalSeparator: UInt8 = UInt8(ascii: ".")) -> Int {
        let exponent = currency.exponent
        var magnitude = minorUnits.magnitude
        // Counted first, then written backwards where they go (a heap array and a reversed append
        // cost ~800 instructions an amount, in writers of millions; the digits on the stack and
        // then copied, ~165): at least one digit before the separator.
        let digits = DecimalDigits.count(UInt(magnitude), width: exponent + 1)
        let length = (minorUnits < 0 ? 1 : 0) + digits + (exponent > 0 ? 1 : 0)
        var position = length
        for produced in 1...digits {
            position -= 1
            out[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            if produced == exponent {
                position -= 1
                out[position] = decimalSeparator
            }
        }
        if minorUnits < 0 { out[0] = UInt8(ascii: "-") }
        return length
    }
}
