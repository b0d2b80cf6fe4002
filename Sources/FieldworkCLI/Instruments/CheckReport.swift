import Foundation
import InstrumentCompiler
import InstrumentModel

/// How `check` words its results.
enum CheckReport {
    static func summary(_ file: CompiledFile) -> String? {
        guard let instrument = file.result.instrument, let hash = file.result.contentHash else { return nil }
        let questions = instrument.questionCount
        let sections = instrument.sections.count
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
        var reports: [[String: Any]] = []
        for file in files {
            var report: [String: Any] = [
                "path": file.path,
                "ok": !file.result.hasErrors,
                "diagnostics": file.result.diagnostics.map { DiagnosticRenderer.jsonObject($0, path: file.path) },
            ]
            if let instrument = file.result.instrument {
                report["id"] = instrument.id
                report["version"] = instrument.version
                report["hash"] = file.result.contentHash
                report["questions"] = instrument.questionCount
                report["sections"] = instrument.sections.count
            }
            reports.append(report)
        }
        let all = files.flatMap(\.result.diagnostics)
        let top: [String: Any] = [
            "files": reports,
            "errors": all.filter { $0.severity == .error }.count,
            "warnings": all.filter { $0.severity == .warning }.count,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: top, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func plural(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }
}
