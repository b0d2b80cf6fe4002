import Foundation
import TerminalIO

/// The operator's log: one line per event on standard error, with the connection's number and
/// no address unless asked for (`--log-addresses`). Never a user name, client version, key or code.
public final class ServerLog: @unchecked Sendable {
    private let lock = NSLock()
    private let descriptor: Int32
    public let addresses: Bool

    public init(descriptor: Int32 = 2, addresses: Bool) {
        self.descriptor = descriptor
        self.addresses = addresses
    }

    public func event(_ connection: Int?, _ text: String, address: String? = nil) {
        var line = connection.map { "connection \($0): " } ?? ""
        line += text
        if addresses, let address { line += " (from \(address))" }
        lock.lock()
        defer { lock.unlock() }
        Terminal.writeAll(Array((SafeTextLine.clean(line) + "\n").utf8), to: descriptor)
    }
}

/// A log line holds one line: any control character from whatever reached it is shown, not obeyed.
enum SafeTextLine {
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
