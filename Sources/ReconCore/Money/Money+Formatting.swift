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

    /// The most bytes `write(into:decimalSeparator:)` writes: its scratch space for the largest
    /// exponent (20 digits, a separator, a sign, the leading zeros of an amount below one unit).
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
        // Digits written backwards into scratch space on the stack, then copied at once (a heap
        // array and a reversed append cost ~800 instructions an amount, in writers of millions).
        let capacity = 24 + exponent  // 20 digits of a UInt64, a separator, a sign, leading zeros
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            var position = capacity
            var produced = 0
            repeat {
                position -= 1
                scratch[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                produced += 1
                if produced == exponent {
                    position -= 1
                    scratch[position] = decimalSeparator
                }
            } while magnitude > 0 || produced <= exponent
            if minorUnits < 0 {
                position -= 1
                scratch[position] = UInt8(ascii: "-")
            }
            out.update(from: scratch.baseAddress! + position, count: capacity - position)
            return capacity - position
        }
    }
}
