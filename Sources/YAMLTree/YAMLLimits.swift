/// Limits that keep a hostile or broken file from exhausting memory or time.
///
/// The largest realistic instrument (10,000 questions) is about 1.3 MB and 150,000 nodes,
/// so each limit leaves an order of magnitude of room above real use.
public struct YAMLLimits: Sendable, Equatable {
    /// Largest file read at all, in bytes.
    public var maxFileBytes: Int
    /// Longest single scalar, in bytes.
    public var maxScalarBytes: Int
    /// Deepest nesting of lists and maps.
    public var maxDepth: Int
    /// Most nodes in the tree, counting every node an alias brings in again.
    public var maxNodes: Int

    public init(maxFileBytes: Int, maxScalarBytes: Int, maxDepth: Int, maxNodes: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxScalarBytes = maxScalarBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let standard = YAMLLimits(
        maxFileBytes: 16 * 1024 * 1024,
        maxScalarBytes: 1024 * 1024,
        maxDepth: 64,
        maxNodes: 1_000_000
    )
}
