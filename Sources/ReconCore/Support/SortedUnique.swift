extension Array where Element: Comparable {
    /// The elements in order, each once: what `Set(self).sorted()` gives, without hashing the one
    /// or two customer ids a payment usually names.
    func sortedUnique() -> [Element] {
        var sorted = self.sorted()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[index] != sorted[kept - 1] {
            sorted.swapAt(kept, index)
            kept += 1
        }
        sorted.removeSubrange(kept...)
        return sorted
    }
}
