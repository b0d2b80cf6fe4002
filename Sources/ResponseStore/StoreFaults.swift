import Foundation
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Fault injection at the store's system calls, for the reliability suite (in the spirit of
/// SQLite's crash and I/O-error tests): with `FIELDWORK_STORE_FAULT=N:KIND` in the environment,
/// the Nth call that changes the disk (create, write, fsync, rename, unlink, truncate, mkdir,
/// set times) is made to fail as a full disk would (`fail`), to write half its bytes and then
/// fail (`short`), or to kill the process at once, as a power cut or `kill -9` would (`crash`).
/// The plan is read once from the environment; nothing else can change it.
enum StoreFaults {
    enum Kind: String { case fail, short, crash }

    /// What the caller should do at this call.
    enum Outcome { case proceed, fail, short }

    private static let plan: (call: Int, kind: Kind)? = {
        guard let text = ProcessInfo.processInfo.environment["FIELDWORK_STORE_FAULT"] else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let n = Int(parts[0]), n > 0, let kind = Kind(rawValue: String(parts[1])) else { return nil }
        return (n, kind)
    }()

    private static let calls = Atomic<Int>(0)

    /// Counts one call that changes the disk and says whether it is the one to fault.
    static func next() -> Outcome {
        guard let plan else { return .proceed }
        let n = calls.add(1, ordering: .relaxed).newValue
        guard n == plan.call else { return .proceed }
        switch plan.kind {
        case .crash:
            kill(getpid(), SIGKILL)
            return .fail
        case .fail:
            errno = ENOSPC
            return .fail
        case .short:
            return .short
        }
    }

    /// Runs a system call that changes the disk, unless this is the call to fail.
    static func call(_ body: () -> Int32) -> Int32 {
        switch next() {
        case .proceed: return body()
        case .fail, .short:
            errno = ENOSPC
            return -1
        }
    }
}
