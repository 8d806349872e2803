import Testing
@testable import ReconFormats

/// The bank CSV reader trims an amount field in place (`trimmedAmount`) and copies it only when a
/// sign must be joined to the digits after spaces (`trimAmount`). Both must cut the same bytes.
@Suite struct AmountTrimTests {
    @Test func trimmingInPlaceCutsWhatTheCopyCuts() {
        // Every field of up to six bytes over the bytes that matter: spaces, tabs, both halves of a
        // no-break space (alone too), signs, a digit and a separator.
        let alphabet: [UInt8] = [0x20, 0x09, 0xC2, 0xA0, UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "1"), UInt8(ascii: ",")]
        var checked = 0, copied = 0
        var field: [UInt8] = []
        func check() {
            let copy = ProfileCSVReader.trimAmount(field)
            field.withUnsafeBufferPointer { buffer in
                if let inPlace = ProfileCSVReader.trimmedAmount(buffer) {
                    #expect(Array(inPlace) == copy, "field \(field)")
                } else {
                    copied += 1
                    // Only a field that starts with a sign (and spaces after it) goes to the copy.
                    #expect(copy.first == UInt8(ascii: "+") || copy.first == UInt8(ascii: "-"), "field \(field)")
                }
            }
            checked += 1
        }
        func extend(_ length: Int) {
            check()
            guard length > 0 else { return }
            for byte in alphabet {
                field.append(byte)
                extend(length - 1)
                field.removeLast()
            }
        }
        extend(6)
        #expect(checked == (0...6).reduce(0) { $0 + Int(pow(8, $1)) })
        #expect(copied > 0 && copied < checked / 4)
    }

    private func pow(_ base: Int, _ exponent: Int) -> Int { (0..<exponent).reduce(1) { result, _ in result * base } }
}
