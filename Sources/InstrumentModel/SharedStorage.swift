extension Array {
    /// Whether two arrays are one and the same storage, as the choice lists of the questions that
    /// use one choice set are: told by address, not element by element, so only while both live.
    public func sharesStorage(with other: [Element]) -> Bool {
        count == other.count && withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }
}
