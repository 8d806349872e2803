public extension Money {
    /// Reads an amount strictly: sign, digits, at most `currency.exponent` decimals.
    ///
    /// `"1,50"` with a point format, `"12.3.4"`, `"-"`, `"1e3"`, `".5"`, `"5."` and too many decimals are
    /// errors, never silently something else. An amount that does not fit `Int64` minor units is
    /// `.overflow`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, currency: Currency,
                      format: AmountFormat = .strict) throws(AmountError) -> Money {
        Money(minorUnits: try parseMinorUnits(bytes, exponent: currency.exponent, format: format),
              currency: currency)
    }

    static func parse(_ text: String, currency: Currency, format: AmountFormat = .strict) throws(AmountError) -> Money {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(AmountError) -> Money in try parse(bytes, currency: currency, format: format) }
        }
        return try result.get()
    }

    /// The parser behind `parse`: returns minor units for a currency with `exponent` decimals.
    static func parseMinorUnits(_ bytes: UnsafeBufferPointer<UInt8>, exponent: Int,
                                format: AmountFormat) throws(AmountError) -> Int64 {
        if let value = plainMinorUnits(bytes, exponent: exponent, decimalSeparator: format.decimalSeparator) {
            return value
        }
        return try parseMinorUnitsInFull(bytes, exponent: exponent, format: format)
    }

    /// The shape nearly every amount has, `-?D+(.D{1…exponent})?` (`.`: the format's decimal
    /// separator) with at most 18 digits once scaled, read in one pass; nil for anything else,
    /// which `parseMinorUnitsInFull` accepts or explains. Every format accepts this shape, and the
    /// full parser gives it the same value (a property test compares them): that one checks group
    /// separators, a plus sign and overflow at each digit, ~270 instructions for `1164.56`.
    @inline(__always)
    private static func plainMinorUnits(_ bytes: UnsafeBufferPointer<UInt8>, exponent: Int,
                                        decimalSeparator: UInt8) -> Int64? {
        let count = bytes.count
        guard count > 0, exponent <= 18 else { return nil }
        let negative = bytes[0] == UInt8(ascii: "-")
        var index = negative ? 1 : 0
        let integerStart = index
        // Wrapping: more than 18 digits are refused below, before the value is used.
        var value: Int64 = 0
        while index < count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ Int64(digit)
            index += 1
        }
        var digits = index - integerStart
        guard digits > 0 else { return nil }
        var missing = exponent
        if index < count {
            guard bytes[index] == decimalSeparator else { return nil }
            index += 1
            let fractionStart = index
            while index < count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
                value = value &* 10 &+ Int64(digit)
                index += 1
            }
            let fractionDigits = index - fractionStart
            guard index == count, fractionDigits > 0, fractionDigits <= exponent else { return nil }
            digits += fractionDigits
            missing -= fractionDigits
        }
        guard digits + missing <= 18 else { return nil }
        for _ in 0..<missing { value &*= 10 }
        return negative ? -value : value
    }

    /// The whole grammar of `format`, with the offset of whatever is wrong.
    static func parseMinorUnitsInFull(_ bytes: UnsafeBufferPointer<UInt8>, exponent: Int,
                                      format: AmountFormat) throws(AmountError) -> Int64 {
        let count = bytes.count
        guard count > 0 else { throw AmountError(kind: .empty, offset: 0) }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        } else if bytes[0] == UInt8(ascii: "+") && format.allowsPlusSign {
            index = 1
        }
        // Accumulate as a negative number so that Int64.min is reachable, and detect overflow.
        var value: Int64 = 0
        var integerDigits = 0
        var digitsInGroup = 0
        var sawGroupSeparator = false
        var fractionDigits = 0
        var inFraction = false

        func appendDigit(_ digit: Int64, at offset: Int) throws(AmountError) {
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.subtractingReportingOverflow(digit)
            if o1 || o2 { throw AmountError(kind: .overflow, offset: offset) }
            value = next
        }

        while index < count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let digit = Int64(byte &- UInt8(ascii: "0"))
                if inFraction {
                    fractionDigits += 1
                    if fractionDigits > exponent {
                        guard format.allowsExcessZeroDecimals, digit == 0 else {
                            throw AmountError(kind: .tooManyDecimals(allowed: exponent), offset: index)
                        }
                    } else {
                        try appendDigit(digit, at: index)
                    }
                } else {
                    if sawGroupSeparator && digitsInGroup == 3 {
                        throw AmountError(kind: .misplacedGroupSeparator, offset: index)
                    }
                    integerDigits += 1
                    digitsInGroup += 1
                    try appendDigit(digit, at: index)
                }
                index += 1
                continue
            }
            if byte == format.decimalSeparator && !inFraction {
                guard integerDigits > 0 else { throw AmountError(kind: .noDigits, offset: index) }
                if sawGroupSeparator && digitsInGroup != 3 {
                    throw AmountError(kind: .misplacedGroupSeparator, offset: index)
                }
                inFraction = true
                index += 1
                continue
            }
            if !inFraction, let length = groupSeparatorLength(bytes, at: index, format: format) {
                // A separator needs 1–3 digits before the first one and exactly 3 between them.
                let validFirst = !sawGroupSeparator && digitsInGroup >= 1 && digitsInGroup <= 3
                let validNext = sawGroupSeparator && digitsInGroup == 3
                guard validFirst || validNext else {
                    throw AmountError(kind: .misplacedGroupSeparator, offset: index)
                }
                sawGroupSeparator = true
                digitsInGroup = 0
                index += length
                continue
            }
            throw AmountError(kind: .unexpectedByte(byte), offset: index)
        }
        guard integerDigits > 0 else { throw AmountError(kind: .noDigits, offset: count) }
        if inFraction && fractionDigits == 0 { throw AmountError(kind: .noDigits, offset: count) }
        if sawGroupSeparator && !inFraction && digitsInGroup != 3 {
            throw AmountError(kind: .misplacedGroupSeparator, offset: count)
        }
        // Scale up to the currency's exponent.
        var scaledDigits = min(fractionDigits, exponent)
        while scaledDigits < exponent {
            try appendDigit(0, at: count)
            scaledDigits += 1
        }
        if negative { return value }
        guard value != Int64.min else { throw AmountError(kind: .overflow, offset: 0) }
        return -value
    }

    private static func groupSeparatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int,
                                             format: AmountFormat) -> Int? {
        for separator in format.groupSeparators where index + separator.count <= bytes.count {
            var matches = true
            for (offset, byte) in separator.enumerated() where bytes[index + offset] != byte {
                matches = false
                break
            }
            if matches { return separator.count }
        }
        return nil
    }
}
