import Foundation
import InstrumentCompiler
import InstrumentModel

/// How `check` words its results.
enum CheckReport {
    static func summary(_ file: CompiledFile) -> String? {
        guard let instrument = file.result.instrument, let hash = file.result.contentHash else { return nil }
        let questions = instrument.answeredQuestionCount
        let sections = instrument.sectionsAsWritten.count
        return "\(instrument.id) \(instrument.version), \(hash.prefix(19)), "
            + "\(questions) question\(questions == 1 ? "" : "s") in \(sections) section\(sections == 1 ? "" : "s")"
    }

    static func text(_ files: [CompiledFile], color: Bool) -> String {
        let renderer = DiagnosticRenderer(color: color)
        var out = ""
        var errors = 0, warnings = 0, failed = 0
        for file in files {
            for d in file.result.diagnostics {
                out += renderer.text(d, path: file.path, source: file.lines)
                if d.severity == .error { errors += 1 } else { warnings += 1 }
            }
            if let summary = summary(file) {
                out += SafeText.escaped("\(file.path): ok: \(summary)\n")
            } else {
                failed += 1
            }
        }
        let count = files.count == 1 ? "1 instrument" : "\(files.count) instruments"
        if errors + warnings == 0 {
            out += "\(count) checked: no problems\n"
        } else {
            out += "\(count) checked: \(plural(errors, "error")) and \(plural(warnings, "warning"))"
                + (failed > 0 ? " (\(failed) failed)" : "") + "\n"
        }
        return out
    }

    static func json(_ files: [CompiledFile]) -> String {
        var reports: [JSON] = []
        for file in files {
            var report: [String: JSON] = [
                "path": .string(file.path),
                "ok": .bool(!file.result.hasErrors),
                "diagnostics": .array(file.result.diagnostics.map { DiagnosticRenderer.jsonObject($0, path: file.path) }),
            ]
            if let instrument = file.result.instrument {
                report["id"] = .string(instrument.id)
                report["version"] = .string(instrument.version)
                report["hash"] = file.result.contentHash.map(JSON.string)
                report["questions"] = .number(Double(instrument.answeredQuestionCount))
                report["sections"] = .number(Double(instrument.sectionsAsWritten.count))
            }
            reports.append(.object(report))
        }
        let all = files.flatMap(\.result.diagnostics)
        let top: JSON = [
            "files": .array(reports),
            "errors": .number(Double(all.filter { $0.severity == .error }.count)),
            "warnings": .number(Double(all.filter { $0.severity == .warning }.count)),
        ]
        var w = JSONWriter()
        top.write(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func plural(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }
}
