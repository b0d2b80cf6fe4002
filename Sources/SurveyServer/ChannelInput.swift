import Foundation

/// What the network side hands a session's thread: bytes, a new size, or the end.
///
/// Why a queue between two threads: the SSH connection lives on an event loop that must never
/// block, while a driver waits for its next key as if reading a terminal. The event loop only
/// appends here; the session's own thread waits here, so a participant who stops typing holds
/// up nobody else.
public final class ChannelInput: @unchecked Sendable {
    public enum Chunk: Sendable, Equatable {
        case bytes([UInt8])
        case resized(columns: Int, rows: Int)
        /// The client closed its input or the connection went away.
        case closed
        /// The server is stopping (SIGTERM): leave, saved.
        case hangUp
    }

    private let condition = NSCondition()
    private var chunks: [Chunk] = []
    private var ended = false

    public init() {}

    public func feed(_ bytes: [UInt8]) { append(.bytes(bytes)) }
    public func resize(columns: Int, rows: Int) { append(.resized(columns: columns, rows: rows)) }
    /// Ends the input; what was fed before is still taken in order.
    public func close() { append(.closed) }
    public func hangUp() { append(.hangUp) }

    private func append(_ chunk: Chunk) {
        condition.lock()
        defer { condition.unlock() }
        guard !ended else { return }
        if chunk == .closed || chunk == .hangUp { ended = true }
        // Only the latest size matters: a window change waiting behind another replaces it, so a
        // client sending thousands of them grows neither the queue nor the redrawing.
        if case .resized = chunk, case .resized? = chunks.last {
            chunks[chunks.count - 1] = chunk
        } else {
            chunks.append(chunk)
        }
        condition.broadcast()
    }

    /// The next chunk, waiting until `deadline` (nil: as long as it takes); nil when none came.
    /// After the end every call yields the chunk that ended it.
    public func take(until deadline: Date?) -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty {
            if let deadline {
                if !condition.wait(until: deadline) && chunks.isEmpty { return nil }
            } else {
                condition.wait()
            }
        }
        let chunk = chunks[0]
        // The last chunk of an ended input stays, so every later read sees the end again.
        if chunks.count > 1 || !(chunk == .closed || chunk == .hangUp) { chunks.removeFirst() }
        return chunk
    }
}
