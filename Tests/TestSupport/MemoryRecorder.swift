import ResponseStore
import SessionEngine
import SessionLoop

/// A recorder that keeps the journal in memory, for driving a session loop in tests.
public final class MemoryRecorder: SessionRecorder {
    public var events: [SessionEvent] = []
    public var finished: ResponseStatus?

    public init() {}

    public func record(_ event: SessionEvent) throws(StoreError) { events.append(event) }
    public func finish(_ session: Session, duration: Double) throws(StoreError) -> String {
        finished = session.status
        return "memory"
    }
}
