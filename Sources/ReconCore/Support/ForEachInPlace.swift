extension Array {
    /// Calls `body` with each element in order, read where the array stores it. `for element in
    /// array` hands out a copy of each (every string in it retained, then released): for the
    /// rows the writers go through, a million structs of strings copied to be read once.
    @inlinable
    public func forEachInPlace(_ body: (Element) throws -> Void) rethrows {
        try withUnsafeBufferPointer { elements in
            for index in elements.indices { try body(elements[index]) }
        }
    }
}
