import Foundation
import InstrumentModel

/// The one place that lays diagnostics out for people (with the source line and a caret) and for tools (JSON).
public struct DiagnosticRenderer {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `path:line:col: error: message [code]`, the source line, a caret under the place, and the hint.
    public func text(_ d: Diagnostic, path: String, source: SourceLines) -> String {
        // Made safe before colouring (`SafeText`): an instrument's text quoted in a message, its source line and a file name.
        let (path, safe) = (SafeText.escaped(path), { (s: String) in SafeText.escaped(s, keeping: .tab) })
        let label = d.severity == .error ? paint("error:", "1;31") : paint("warning:", "1;35")
        var out = paint("\(path):\(d.at.line):\(d.at.column):", "1") + " \(label) " + paint(safe(d.message), "1") + " [\(d.code.rawValue)]\n"
        if let line = source.line(d.at.line) {
            let chars = Array(line.unicodeScalars)
            let prefix = chars.prefix(max(0, d.at.column - 1)).map { $0 == "\t" ? "\t" : String(repeating: " ", count: safe(String($0)).count) }.joined()
            let room = max(1, chars.count - (d.at.column - 1))
            let underline = "^" + String(repeating: "~", count: max(0, min(d.length, room) - 1))
            out += safe(line) + "\n" + prefix + paint(underline, "1;32") + "\n"
        }
        if let hint = d.hint {
            out += "  " + paint("hint:", "1;36") + " \(safe(hint))\n"
        }
        return out
    }

    /// One file's diagnostics as a JSON object, the same content as the text form.
    public static func jsonObject(_ d: Diagnostic, path: String) -> JSON {
        var object: [String: JSON] = [
            "file": .string(path), "line": .number(Double(d.at.line)), "column": .number(Double(d.at.column)),
            "length": .number(Double(d.length)), "severity": .string(d.severity.rawValue), "code": .string(d.code.rawValue),
            "message": .string(d.message),
        ]
        if let hint = d.hint { object["hint"] = .string(hint) }
        return .object(object)
    }
}

/// The lines of a source file, split once, for showing the line a diagnostic points at.
public struct SourceLines: Sendable {
    private let lines: [String]

    /// Splits on bytes, not characters: Swift reads "\r\n" as one character, so splitting
    /// a Windows file on "\n" would find no lines at all.
    public init(_ bytes: [UInt8]) {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        lines = body.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
    }

    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        return line.unicodeScalars.count > 300 ? String(String.UnicodeScalarView(line.unicodeScalars.prefix(300))) + " …" : line
    }
}
