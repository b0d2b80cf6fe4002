import Crypto
import Dispatch
import Foundation
import InstrumentModel
import ResponseStore

public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, long, jsonl, codebook, spss, stata, r, datapackage
    /// For interview guides: transcripts, the framework matrix, a REFI-QDA project.
    case transcripts, framework, qdpx

    public var isQualitative: Bool { [.transcripts, .framework, .qdpx].contains(self) }
}

public enum StatusFilter: String, CaseIterable, Sendable {
    case complete, partial, all
}

public struct ExportOptions: Sendable {
    public var format: ExportFormat
    public var out: String
    public var labels = false
    public var version: String?
    public var status: StatusFilter = .all
    /// Only responses started on or after this date (YYYY-MM-DD).
    public var since: String?

    public init(format: ExportFormat, out: String) {
        self.format = format
        self.out = out
    }
}

public struct ExportReport: Sendable {
    public var files: [String]
    public var responses: Int
    public var conflicts: [String]
}

/// Writes one export of an instrument's responses, reading them one at a time.
public enum Exporter {
    public static func run(_ folder: ResponseReader, _ options: ExportOptions) throws(ExportError) -> ExportReport {
        var instruments = folder.instruments.map(\.instrument)
        if let version = options.version {
            instruments = instruments.filter { $0.version == version }
            guard !instruments.isEmpty else {
                throw ExportError("there is no version \(version) among the responses; the versions are: "
                                  + folder.instruments.map(\.instrument.version).joined(separator: ", "))
            }
        }
        if options.format.isQualitative, let survey = instruments.last, survey.kind != .interview {
            throw ExportError("--format \(options.format.rawValue) is for interview guides; '\(survey.id)' is a survey (use csv, spss, stata, r, ...)")
        }
        do {
            try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ExportError("cannot create the folder '\(options.out)'")
        }
        let codebook = Codebook(instruments)
        let context = ExportContext(folder: folder, options: options, codebook: codebook, instrument: instruments.last!,
                                    versions: Set(instruments.map(\.version)))
        var files: [String] = []
        var count = 0
        switch options.format {
        case .csv, .spss, .stata, .r, .datapackage:
            let (path, n, widths) = try context.writeWide()
            files.append(path)
            count = n
            switch options.format {
            case .spss: files.append(try SPSSSyntax.write(context, widths: widths))
            case .stata: files.append(try StataDo.write(context))
            case .r: files.append(try RScript.write(context))
            case .datapackage: files.append(try DataPackage.write(context, csv: path))
            default: break
            }
        case .long:
            (files, count) = try context.writeLong()
        case .jsonl:
            (files, count) = try context.writeJSONL()
        case .codebook:
            files = try CodebookFiles.write(context)
            count = 0
        case .transcripts, .framework, .qdpx:
            (files, count) = try QualitativeFiles.write(context)
        }
        return ExportReport(files: files, responses: count, conflicts: codebook.conflicts)
    }
}

/// What every format needs while it writes.
struct ExportContext {
    let folder: ResponseReader
    let options: ExportOptions
    let codebook: Codebook
    /// The newest version, for titles.
    let instrument: Instrument
    let versions: Set<String>

    var header: [String] { Codebook.fixed + codebook.variables.map(\.name) }

    func path(_ name: String) -> String { options.out + "/" + name }

    func wanted(_ r: StoredResponse) -> Bool {
        guard versions.contains(r.version) else { return false }
        switch (options.status, r.status) {
        case (_, .declined): return false
        case (.all, _): break
        case (.complete, let s), (.partial, let s): if s.rawValue != options.status.rawValue { return false }
        }
        if let since = options.since {
            guard let started = r.started, String(started.prefix(10)) >= since else { return false }
        }
        return true
    }

    func fixed(_ r: StoredResponse) -> [String] {
        [r.responseID, r.pseudonym ?? "", r.version, r.status.rawValue, r.language ?? "", r.started ?? "", r.duration.map(String.init) ?? ""]
    }

    func text(_ cell: Cell, labels: Bool) -> String { cell.written(labels: labels, spss: options.format == .spss) }

    /// The wide CSV: one row per response, one column per variable; returns the widest value of
    /// each column in bytes (for SPSS string widths).
    func writeWide() throws(ExportError) -> (String, Int, [String: Int]) {
        let file = path(options.labels && options.format == .csv ? "responses-labels.csv" : "responses.csv")
        let csv = try CSVWriter(path: file)
        try csv.row(header)
        var widths: [String: Int] = [:]
        var count = 0
        let labels = options.labels && options.format == .csv
        // Which variables each version has, worked out once per version rather than once per cell.
        var asked: [String: [Bool]] = [:]
        var widest = [Int](repeating: 0, count: codebook.variables.count)
        let variables = codebook.variables
        func has(_ version: String) -> [Bool] {
            if let known = asked[version] { return known }
            let computed = variables.map { $0.versions.contains(version) }
            asked[version] = computed
            return computed
        }
        func add(_ value: String, _ i: Int, to fields: inout [String]) {
            fields.append(value)
            widest[i] = max(widest[i], value.utf8.count)
        }
        // Finished files are read from their bytes, in blocks shared among the cores (the rows are
        // written in name order all the same); interrupted sessions are rebuilt through the engine.
        let questionIDs = variables.map(\.question).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let template = WideRows(context: self, variables: variables, slots: RawResponse.Slots(questionIDs),
                                slotOf: variables.map { v in questionIDs.firstIndex(of: v.question) ?? 0 }, labels: labels)
        do {
            let listing = ResponseNames(folder.path).listing()
            defer { listing.close() }
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
            let blockSize = 1024
            var next = 0
            while next < listing.count {
                let blocks = (0..<(4 * workers)).map { k in
                    min(listing.count, next + k * blockSize)..<min(listing.count, next + (k + 1) * blockSize)
                }.filter { !$0.isEmpty }
                let batch = WideBatch(template: template, listing: listing, blocks: blocks)
                DispatchQueue.concurrentPerform(iterations: blocks.count) { k in batch.make(k) }
                for rows in batch.made {
                    try csv.bytes(rows.output)
                    count += rows.count
                    for i in widest.indices { widest[i] = max(widest[i], rows.widest[i]) }
                }
                next = blocks.last?.upperBound ?? listing.count
            }
            try folder.eachPartial { r in
                guard wanted(r) else { return }
                let flags = has(r.version)
                var fields = fixed(r)
                for i in variables.indices {
                    add(text(codebook.cell(variables[i], r, labels: labels, asked: flags[i]), labels: labels), i, to: &fields)
                }
                try csv.row(fields)
                count += 1
            }
            for (i, v) in variables.enumerated() { widths[v.name] = widest[i] }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError("\(error)")
        }
        try csv.close()
        return (file, count, widths)
    }

    /// The long CSV: one row per response and variable that was asked.
    func writeLong() throws(ExportError) -> ([String], Int) {
        let file = path("responses-long.csv")
        let csv = try CSVWriter(path: file)
        try csv.row(["response_id", "instrument_version", "status", "variable", "code", "label", "text"])
        var count = 0
        do {
            try folder.each { r in
                guard wanted(r) else { return }
                count += 1
                for v in codebook.variables {
                    let cell = codebook.cell(v, r)
                    let base = [r.responseID, r.version, r.status.rawValue, v.name]
                    switch cell {
                    case .notAsked: continue
                    case .skipped: try csv.row(base + [String(MissingCode.skipped), "Skipped", ""])
                    case .text(let t): try csv.row(base + ["", "", CSVWriter.neutralised(t)])
                    case .value(let value):
                        let code = Int(value)
                        let label = code.flatMap { c in (v.codes + v.missing).first { $0.code == c }?.label } ?? ""
                        if v.measure == .text || v.measure == .date || (code == nil && !v.integer) {
                            try csv.row(base + (code == nil ? ["", "", value] : [value, label, ""]))
                        } else {
                            try csv.row(base + [value, label, ""])
                        }
                    }
                }
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError("\(error)")
        }
        try csv.close()
        return ([file], count)
    }

    /// One response per line, as JSON.
    func writeJSONL() throws(ExportError) -> ([String], Int) {
        let file = path("responses.jsonl")
        guard FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: file) else { throw ExportError("cannot write '\(file)'") }
        var buffer = Data()
        var count = 0
        do {
            try folder.each { r in
                guard wanted(r) else { return }
                var object: [String: JSON] = [
                    "response_id": .string(r.responseID), "instrument_version": .string(r.version), "instrument_hash": .string(r.hash),
                    "status": .string(r.status.rawValue), "answers": .object(r.answers), "other": .object(r.other.mapValues(JSON.string)),
                    "skipped": .array(r.skipped.sorted().map(JSON.string)), "calculated": .object(r.calculated),
                ]
                object["pseudonym"] = r.pseudonym.map(JSON.string)
                object["language"] = r.language.map(JSON.string)
                object["date"] = r.started.map(JSON.string)
                object["duration_seconds"] = r.duration.map { .number(Double($0)) }
                if r.simulated { object["simulated"] = .bool(true) }
                var line = ""
                JSON.object(object).write(to: &line)
                buffer.append(contentsOf: line.utf8)
                buffer.append(0x0A)
                count += 1
                if buffer.count > 1 << 16 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
        } catch {
            throw ExportError("cannot write '\(file)': \(error)")
        }
        return ([file], count)
    }

    static func sha256(of path: String) throws(ExportError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ExportError("cannot read '\(path)'") }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        try? handle.close()
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Writes a small text file (syntax, codebook, descriptor).
    func writeText(_ name: String, _ text: String) throws(ExportError) -> String {
        let file = path(name)
        guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ExportError("cannot write '\(file)'")
        }
        return file
    }
}
