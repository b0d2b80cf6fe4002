@testable import Exporters
import Foundation

/// Stata is not free to run, so the do-file is checked two ways: its quoted labels are read by
/// Stata's rules for compound quotes and macro expansion, and its statements are run on the CSV by
/// an interpreter of the few commands the export writes, failing on any other statement and
/// wherever Stata would fail (an invalid or reserved name, `destring` meeting text, a missing file).
enum StataText {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The text Stata sees inside compound quotes ([U] 18.3.11; FAQ "Backslashes and macros"):
    /// `\$`, `` \` `` and `\\` are the characters; an unescaped `$name` or `` `name' `` would expand,
    /// which is a failure here.
    static func read(_ quoted: String) throws -> String {
        var out = ""
        var chars = Array(quoted)[...]
        while let c = chars.popFirst() {
            if c == "\\", let next = chars.first, ["$", "`", "\\"].contains(next) {
                out.append(next)
                chars.removeFirst()
            } else if c == "$" || c == "`" {
                throw Failure(description: "Stata would expand a macro at '\(c)\(String(chars.prefix(10)))' in \(quoted)")
            } else {
                out.append(c)
            }
        }
        return out
    }

    enum Value: Equatable, CustomStringConvertible {
        case text(String), number(Double), missing(String)
        var description: String {
            switch self {
            case .text(let t): "\"\(t)\""
            case .number(let n): "\(n)"
            case .missing(let m): ".\(m)"
            }
        }
    }

    struct Interpreter {
        var names: [String] = []
        var rows: [[String: Value]] = []
        var formats: [String: String] = [:]
        /// The storage type of each variable `generate` made.
        var types: [String: String] = [:]
        var strL: [String] = []
        var saved: String?
        /// The dataset's label and notes (`label data`, `note:`), as Stata would store them.
        var dataLabel: String?
        var notes: [String] = []
        let csv: String

        init(csv: String) { self.csv = csv }

        static func valid(_ name: String) -> Bool {
            name.range(of: "^[A-Za-z_][A-Za-z0-9_]{0,31}$", options: .regularExpression) != nil && ExportNames.stataSafe(name) == name
        }

        mutating func run(_ doFile: String, folder: String) throws {
            for line in doFile.split(separator: "\n").map(String.init) where !line.hasPrefix("*") && !line.isEmpty {
                try statement(line, folder: folder)
            }
        }

        private func fail(_ message: String) -> Failure { Failure(description: message) }

        private func match(_ line: String, _ pattern: String) -> [String]? {
            guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$"),
                  let m = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
            return (1..<m.numberOfRanges).map { Range(m.range(at: $0), in: line).map { String(line[$0]) } ?? "" }
        }

        private func existing(_ name: String) throws {
            guard names.contains(name) else { throw fail("variable \(name) not found") }
        }

        private mutating func statement(_ line: String, folder: String) throws {
            if line == "version 14" || line == "compress" { return }
            if let m = match(line, #"import delimited using "([^"]*)", varnames\(nonames\) rowrange\(2\) encoding\("utf-8"\) bindquote\(strict\) stringcols\(_all\) clear"#) {
                guard m[0] == folder + "/responses.csv" else { throw fail("file \(m[0]) not found") }
                let table = CSVTable(csv)
                names = table.header.indices.map { "v\($0 + 1)" }
                rows = table.rows.map { Dictionary(uniqueKeysWithValues: zip(names, $0.map(Value.text))) }
                return
            }
            if let m = match(line, #"rename (\w+) (\w+)"#) {
                try existing(m[0])
                guard Self.valid(m[1]), !names.contains(m[1]) else { throw fail("\(m[1]) invalid name or already defined") }
                names[names.firstIndex(of: m[0])!] = m[1]
                types[m[1]] = types.removeValue(forKey: m[0])
                for i in rows.indices { rows[i][m[1]] = rows[i].removeValue(forKey: m[0]) }
                return
            }
            if let m = match(line, #"destring (\w+), replace"#) {
                try existing(m[0])
                for i in rows.indices {
                    guard case .text(let t) = rows[i][m[0]]! else { throw fail("\(m[0]) already numeric") }
                    if t.isEmpty { rows[i][m[0]] = .missing(""); continue }
                    guard let n = Double(t) else { throw fail("\(m[0]): contains nonnumeric characters; no replace") }
                    rows[i][m[0]] = .number(n)
                }
                return
            }
            if let m = match(line, #"replace (\w+) = \.([a-z]) if (\w+) == (-?\d+|"[^"]*")"#) {
                try existing(m[0]); try existing(m[2])
                for i in rows.indices {
                    let v = rows[i][m[2]]!
                    let hit: Bool
                    if m[3].hasPrefix("\"") {
                        guard case .text(let t) = v else { throw fail("type mismatch in \(line)") }
                        hit = t == String(m[3].dropFirst().dropLast())
                    } else {
                        if case .text = v { throw fail("type mismatch in \(line)") }
                        hit = v == .number(Double(m[3])!)
                    }
                    if hit { rows[i][m[0]] = .missing(m[1]) }
                }
                return
            }
            if let m = match(line, #"generate (long|int) (\w+) = (date|monthly|real)\((\w+)(?:, "(YMD|YM)")?\) if (\w+) != "" & (\w+) != "(-?\d+)", after\((\w+)\)"#) {
                try existing(m[3])
                guard m[3] == m[5], m[3] == m[6], m[3] == m[8], !names.contains(m[1]) else { throw fail("unexpected \(line)") }
                names.insert(m[1], at: names.firstIndex(of: m[8])! + 1)
                types[m[1]] = m[0]
                for i in rows.indices {
                    guard case .text(let t) = rows[i][m[3]]! else { throw fail("type mismatch in \(line)") }
                    rows[i][m[1]] = t.isEmpty || t == m[7] ? .missing("") : try Self.evaluate(m[2], t)
                }
                return
            }
            // clock(s, mask) ([D] Datetime translation): milliseconds since 01jan1960 00:00, the date
            // 01jan1960 where the mask has none; a float cannot hold them, so the type must be double.
            if let m = match(line, #"generate (double|float|long) (\w+) = clock\((\w+|subinstr\((\w+), "T", " ", 1\)), "(hm|YMDhm)"\) if (\w+) != "" & (\w+) != "(-?\d+)", after\((\w+)\)"#) {
                let source = m[3].isEmpty ? m[2] : m[3]
                try existing(source)
                guard m[0] == "double" else { throw fail("\(m[0]) cannot hold a clock value exactly: \(line)") }
                guard source == m[5], source == m[6], source == m[8], !names.contains(m[1]) else { throw fail("unexpected \(line)") }
                names.insert(m[1], at: names.firstIndex(of: m[8])! + 1)
                types[m[1]] = m[0]
                for i in rows.indices {
                    guard case .text(var t) = rows[i][source]! else { throw fail("type mismatch in \(line)") }
                    if t.isEmpty || t == m[7] { rows[i][m[1]] = .missing(""); continue }
                    if !m[3].isEmpty, let T = t.firstIndex(of: "T") { t.replaceSubrange(T...T, with: " ") }
                    rows[i][m[1]] = try Self.clock(t, mask: m[4])
                }
                return
            }
            if let m = match(line, #"drop (\w+)"#) {
                try existing(m[0])
                names.removeAll { $0 == m[0] }
                for i in rows.indices { rows[i][m[0]] = nil }
                return
            }
            if let m = match(line, #"format (\w+) (%t[dmy]|%tc[A-Za-z:_-]*)"#) { try existing(m[0]); formats[m[0]] = m[1]; return }
            if let m = match(line, #"label define (\w+) (.*), replace"#) {
                guard Self.valid(m[0]) else { throw fail("invalid label name \(m[0])") }
                return
            }
            if let m = match(line, #"label values (\w+) (\w+)"#) { try existing(m[0]); return }
            if let m = match(line, #"label data `"(.*)"'"#) { dataLabel = try StataText.read(m[0]); return }
            if let m = match(line, #"note: (.*)"#) { notes.append(try StataText.read(m[0])); return }
            if let m = match(line, #"label variable (\w+) `".*"'"#) { try existing(m[0]); return }
            if let m = match(line, #"recast strL ([\w ]+)"#) {
                for n in m[0].split(separator: " ").map(String.init) { try existing(n); strL.append(n) }
                return
            }
            if let m = match(line, #"save "([^"]*)", replace"#) { saved = m[0]; return }
            throw fail("a statement this check does not know: \(line)")
        }

        /// Stata's clock() for the masks the export writes: "hm" ("09:05") and "YMDhm" ("2024-05-01 09:05",
        /// which Stata reads with any of its separators but not ISO's 'T'); text it cannot read is missing.
        static func clock(_ text: String, mask: String) throws -> Value {
            let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0) }
            guard !parts.contains(nil) else { return .missing("") }
            let p = parts.compactMap { $0 }
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let start = utc.date(from: DateComponents(year: 1960, month: 1, day: 1))!
            let when: DateComponents
            switch mask {
            case "hm" where p.count == 2 && p[0] < 24 && p[1] < 60: when = DateComponents(year: 1960, month: 1, day: 1, hour: p[0], minute: p[1])
            case "YMDhm" where p.count == 5 && p[3] < 24 && p[4] < 60: when = DateComponents(year: p[0], month: p[1], day: p[2], hour: p[3], minute: p[4])
            default: return .missing("")
            }
            guard let date = utc.date(from: when), utc.component(.day, from: date) == when.day else { return .missing("") }
            return .number(date.timeIntervalSince(start) * 1000)
        }

        static func evaluate(_ function: String, _ text: String) throws -> Value {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            switch function {
            case "real": return Double(text).map(Value.number) ?? .missing("")
            case "monthly": return parts.count == 2 ? .number(Double((parts[0] - 1960) * 12 + parts[1] - 1)) : .missing("")
            default:
                guard parts.count == 3 else { return .missing("") }
                var utc = Calendar(identifier: .gregorian)
                utc.timeZone = TimeZone(identifier: "UTC")!
                let start = utc.date(from: DateComponents(year: 1960, month: 1, day: 1))!
                let day = utc.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
                return .number(Double(utc.dateComponents([.day], from: start, to: day).day!))
            }
        }
    }
}
