import Crypto
import Foundation
import InstrumentModel
import YAMLTree

/// What compiling one file gives: the instrument when there were no errors, and every diagnostic, sorted.
public struct CompileResult: Sendable {
    public var instrument: Instrument?
    public var diagnostics: [Diagnostic]
    /// The canonical compiled form (JSON with sorted keys), when there were no errors.
    /// Kept as the bytes written and made into `Data` only when asked for: `check` needs only
    /// the hash, and copying a large instrument's megabytes of JSON cost it measurable time.
    public var canonical: Data? { canonicalBytes.map { Data($0) } }
    var canonicalBytes: [UInt8]?
    /// "sha256:" and the hex SHA-256 of `canonical`.
    public var contentHash: String?

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public enum InstrumentCompiler {
    /// With `keepingTrees`, the YAML tree and the decoder's notes are never freed: a command
    /// that exits once it has printed (as `check` does) leaves them to the system, as compilers
    /// do; freeing 10,000 questions' nodes one by one cost `check` a tenth of its time.
    /// Without `keepingForm`, the compiled form is hashed as it is written and never held whole:
    /// `canonical` is nil and `contentHash` is the same (for `check`, which prints only the hash).
    public static func compile(_ bytes: [UInt8], limits: YAMLLimits = .standard, keepingTrees: Bool = false,
                               keepingForm: Bool = true) -> CompileResult {
        let document = YAMLReader.read(bytes, limits: limits)
        var decoder = InstrumentDecoder()
        defer { if keepingTrees { KeptUntilExit.keep((document, decoder)) } }
        var diagnostics = document.problems.map(diagnostic)
        guard let root = document.root else {
            return CompileResult(instrument: nil, diagnostics: sorted(diagnostics))
        }
        if case .scalar(let s) = root, s.isNull {
            diagnostics.append(Diagnostic(.error, .emptyFile, "the file has no content",
                                          hint: "an instrument starts with 'format: 1', then 'id', 'version', 'title' and 'sections'", at: s.start))
            return CompileResult(instrument: nil, diagnostics: sorted(diagnostics))
        }
        var decoded = decoder.decode(root)
        if var d = decoded {
            decoder.attachSafeguarding(root, to: &d)
            decoder.resolveRepeats(&d)
            decoded = d
        }
        diagnostics += decoder.diagnostics.items
        if let decoded {
            var checks = InstrumentChecks(instrument: decoded, questionMarks: decoder.questionMarks)
            checks.run(expressions: decoder.expressions, pipings: decoder.pipings)
            diagnostics += checks.diagnostics.items
            if keepingTrees { KeptUntilExit.keep(checks) }
        }
        var result = CompileResult(instrument: nil, diagnostics: sorted(diagnostics))
        guard let decoded, !result.hasErrors else { return result }
        result.instrument = decoded
        if keepingForm {
            // The compiled form runs to about four times its YAML; reserved once, not grown.
            let canonical = decoded.canonicalJSON(capacity: bytes.count * 4)
            result.canonicalBytes = canonical
            result.contentHash = CanonicalForm.hash(canonical)
        } else {
            var hasher = SHA256()
            decoded.writeCanonicalJSON { hasher.update(bufferPointer: $0) }
            result.contentHash = CanonicalForm.hexHash(hasher.finalize())
        }
        return result
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.at, a.offset) < (b.element.at, b.offset)
        }.map(\.element)
    }

    private static func diagnostic(_ problem: YAMLProblem) -> Diagnostic {
        let code: DiagnosticCode
        switch problem.kind {
        case .syntax, .multipleDocuments, .unknownAlias, .complexKey: code = .yamlSyntax
        case .tab: code = .yamlTab
        case .invalidUTF8: code = .invalidUTF8
        case .emptyDocument: code = .emptyFile
        case .duplicateKey: code = .duplicateKey
        case .tooDeep, .fileTooLarge, .scalarTooLarge, .tooManyNodes: code = .limitExceeded
        }
        return Diagnostic(.error, code, problem.message, hint: problem.hint, at: problem.at, length: problem.length)
    }
}

/// The compiled form: JSON with sorted keys, so the same instrument in any YAML layout
/// gives the same bytes and the same hash, and any change of meaning changes both.
public enum CanonicalForm {
    public static func encode(_ instrument: Instrument) -> Data {
        Data(instrument.canonicalJSON)
    }

    public static func hash(_ data: some DataProtocol) -> String {
        hexHash(SHA256.hash(data: data))
    }

    static func hexHash(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef")
        return "sha256:" + String(digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }
}

extension InstrumentCompiler {
    /// The result for a file too large to read at all, reported without reading it.
    public static func oversized(size: Int, limits: YAMLLimits = .standard) -> CompileResult {
        let problem = YAMLReader.fileTooLarge(size: size, limits: limits)
        return CompileResult(instrument: nil, diagnostics: [diagnostic(problem)])
    }
}

/// Values a short-lived command leaves for the system to reclaim when it exits, instead of
/// freeing each of their many small allocations one by one just before exiting.
public enum KeptUntilExit {
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Holds `value` for the rest of the process: it is never freed.
    public static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
