/// Values by currency for the handful of currencies a run has, found by a look along the few there
/// are. A `[Currency: Value]` hashed the currency on every update (~180 instructions): once per
/// settled payment on the settling thread, and once per transaction, row and exception in the
/// summary, on one core at the end of the run.
struct CurrencyTable<Value> {
    private(set) var currencies: [Currency] = []
    private(set) var values: [Value] = []

    /// Changes the value of `currency`, made with `initial` the first time the currency comes.
    mutating func update(_ currency: Currency, default initial: @autoclosure () -> Value,
                         _ change: (inout Value) -> Void) {
        if let position = currencies.firstIndex(of: currency) {
            change(&values[position])
        } else {
            currencies.append(currency)
            values.append(initial())
            change(&values[values.count - 1])
        }
    }

    var dictionary: [Currency: Value] {
        Dictionary(uniqueKeysWithValues: zip(currencies, values))
    }
}
