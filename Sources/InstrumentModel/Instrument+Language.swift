extension Instrument {
    /// The same instrument with `language` first among its languages, for the readers that
    /// show texts in an instrument's first language (exports, codebooks, value labels). The
    /// content hash belongs to the instrument as compiled; this copy is for display only.
    /// Unchanged when the instrument does not have the language.
    public func showing(_ language: String) -> Instrument {
        guard let at = languages.firstIndex(of: language), at > 0 else { return self }
        var copy = self
        copy.languages.remove(at: at)
        copy.languages.insert(language, at: 0)
        return copy
    }
}
