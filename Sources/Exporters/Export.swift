import Crypto
import Dispatch
import Foundation
import InstrumentModel
import ResponseStore

public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, long, jsonl, codebook, spss, stata, r, datapackage
    /// Paradata: one row per response and question (seconds, visits, presentation order), apart from the answers.
    case paradata
    /// For interview guides: transcripts, the framework matrix, a REFI-QDA project.
    case transcripts, framework, qdpx

    public var isQualitative: Bool { [.transcripts, .framework, .qdpx].contains(self) }
    /// Formats whose CSV is meant for people and spreadsheets, which `--excel` can mark with a BOM
    /// (the statistical packages' CSVs are read by their scripts, which want none).
    public var isSpreadsheetCSV: Bool { [.csv, .long, .paradata].contains(self) }
}

public enum StatusFilter: String, CaseIterable, Sendable {
    case complete, partial, all
}

public struct ExportOptions: Sendable {
    public var format: ExportFormat
    public var out: String
    public var labels = false
    /// Only these versions (all when empty).
    public var versions: [String] = []
    public var status: StatusFilter = .all
    /// Only responses started on or after this date (YYYY-MM-DD).
    public var since: String?
    /// Only responses started on or before this date (YYYY-MM-DD).
    public var until: String?
    /// Begin the CSV with a UTF-8 byte order mark, by which Excel knows the file is UTF-8.
    public var excel = false
    /// What to leave out or change so that the data identify no one (`Deidentification`).
    public var deidentification = Deidentification()
    /// The language of labels, texts and the codebook; the instrument's first when nil.
    public var language: String?

    public init(format: ExportFormat, out: String) {
        self.format = format
        self.out = out
    }
}

public struct ExportReport: Sendable {
    public var files: [String]
    public var responses: Int
    public var conflicts: [String]
    /// Files of the folder that could not be read, and why: none is left out in silence.
    public var skipped: [SkippedFile] = []
    /// What a format could not carry as it is (a string SPSS cuts, missing codes it had to move).
    public var warnings: [String] = []
}

/// The files an export passed over, gathered from whichever reader met them.
final class SkipLog: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [SkippedFile] = []

    private var notes: [ReplayNote] = []

    func add(_ file: SkippedFile) { lock.withLock { found.append(file) } }
    func add(_ files: [SkippedFile]) { lock.withLock { found += files } }
    var files: [SkippedFile] { lock.withLock { found } }

    /// A journaled step that a replay kept as given or left out: said once, however often read.
    func note(_ n: ReplayNote) { lock.withLock { if !notes.contains(n) { notes.append(n) } } }
    var replayNotes: [ReplayNote] { lock.withLock { notes } }
}

/// Writes one export of an instrument's responses, reading them one at a time.
public enum Exporter {
    public static func run(_ folder: ResponseReader, _ options: ExportOptions) throws(ExportError) -> ExportReport {
        var instruments = folder.instruments.map(\.instrument)
        if !options.versions.isEmpty {
            let kept = folder.instruments.map(\.instrument.version)
            if let missing = options.versions.first(where: { !kept.contains($0) }) {
                throw ExportError("there is no version \(missing) among the responses; the versions are: " + kept.joined(separator: ", "))
            }
            instruments = instruments.filter { options.versions.contains($0.version) }
        }
        try Deidentifier.check(options)
        if let language = options.language {
            // Every exporter labels in an instrument's first language, so the chosen one is put first.
            guard let newest = instruments.last, newest.languages.contains(language) else {
                let list = instruments.last.map { $0.languages.isEmpty ? "it has no languages named" : "it has " + $0.languages.joined(separator: ", ") } ?? ""
                throw ExportError("'\(language)' is not one of the instrument's languages (\(list))")
            }
            instruments = instruments.map { $0.showing(language) }
        }
        if options.format.isQualitative, let survey = instruments.last, survey.kind != .interview {
            throw ExportError("--format \(options.format.rawValue) is for interview guides; '\(survey.id)' is a survey (use csv, spss, stata, r, ...)")
        }
        do {
            try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ExportError("cannot create the folder '\(options.out)'")
        }
        if options.excel && !options.format.isSpreadsheetCSV {
            throw ExportError("--excel applies to --format csv, long and paradata (the CSV of spss, stata, r and datapackage is read by their scripts)")
        }
        var codebook = Codebook(instruments)
        let deidentifier = options.deidentification.isEmpty ? nil : Deidentifier(options.deidentification, instruments: instruments)
        let leftOut = deidentifier?.leftOut(codebook) ?? []
        if let deidentifier { codebook = deidentifier.codebook(codebook) }
        var context = ExportContext(folder: folder, options: options, codebook: codebook, instrument: instruments.last!,
                                    versions: Set(instruments.map(\.version)),
                                    simulated: FileManager.default.fileExists(atPath: folder.folder.simulatedMarker))
        context.deidentifier = deidentifier
        context.deidentifiedLeftOut = leftOut
        var files: [String] = []
        var count = 0
        var warnings: [String] = []
        switch options.format {
        case .csv, .spss, .stata, .r, .datapackage:
            let (path, n, widths) = try context.writeWide()
            files.append(path)
            count = n
            files += try context.writeRepeats()
            switch options.format {
            case .spss: files.append(try SPSSSyntax.write(context, widths: widths, warnings: &warnings))
            case .stata: files.append(try StataDo.write(context, widths: widths))
            case .r: files.append(try RScript.write(context))
            case .datapackage: files.append(try DataPackage.write(context, csv: path, widths: widths))
            default: break
            }
        case .long:
            (files, count) = try context.writeLong()
        case .jsonl:
            (files, count) = try context.writeJSONL()
        case .paradata:
            (files, count) = try context.writeParadata()
        case .codebook:
            files = try CodebookFiles.write(context)
            count = 0
        case .transcripts, .framework, .qdpx:
            (files, count) = try QualitativeFiles.write(context)
        }
        if context.simulated, !options.format.isQualitative {
            files.append(try context.writeText(Exporter.simulatedNote, """
                SIMULATED DATA

                The responses in this export were made up by 'fieldwork simulate' to try out the instrument
                and the analysis. They are not real responses: do not report them as findings.
                Files: \(files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))

                """))
        }
        if !context.deidentification.isEmpty {
            files.append(try context.writeText(Exporter.deidentifiedNote, context.deidentification.joined(separator: "\n") + "\n"))
        }
        return ExportReport(files: files, responses: count, conflicts: codebook.conflicts, skipped: context.skipped.files,
                            warnings: warnings + context.skipped.replayNotes.map(\.description))
    }

    /// The file `fieldwork simulate` leaves in a responses folder it made up.
    /// The note an export of simulated responses carries beside its files.
    public static let simulatedNote = "README-SIMULATED.txt"
}

/// What every format needs while it writes.
struct ExportContext {
    let folder: ResponseReader
    let options: ExportOptions
    let codebook: Codebook
    /// The newest version, for titles.
    let instrument: Instrument
    let versions: Set<String>
    /// The responses were made up by `fieldwork simulate` (the folder carries its marker): every
    /// format says so, in a way that suits it.
    var simulated = false
    let skipped = SkipLog()
    /// What this export leaves out or changes so that it identifies no one; nil for an export as stored.
    var deidentifier: Deidentifier?
    /// The free-text columns the de-identification left out, for its statement.
    var deidentifiedLeftOut: [String] = []

    /// A comment line for the top of a script, when the data are simulated (empty otherwise).
    func simulatedComment(_ marker: String) -> String {
        simulated ? marker + " SIMULATED DATA: made up by 'fieldwork simulate', not real responses.\n" : ""
    }

    func path(_ name: String) -> String { options.out + "/" + name }

    func wanted(_ r: StoredResponse) -> Bool {
        guard versions.contains(r.version) else { return false }
        switch (options.status, r.status) {
        case (_, .declined): return false
        case (.all, _): break
        case (.complete, let s), (.partial, let s): if s.rawValue != options.status.rawValue { return false }
        }
        if options.since != nil || options.until != nil {
            // A response without a start date (timestamps: none) cannot be placed in a period.
            guard let started = r.started.map({ String($0.prefix(10)) }) else { return false }
            if let since = options.since, started < since { return false }
            if let until = options.until, started > until { return false }
        }
        return true
    }

    func fixed(_ r: StoredResponse) -> [String] {
        [r.responseID, r.pseudonym ?? "", r.version, r.status.rawValue, r.language ?? "", r.started ?? "", r.duration.map(String.init) ?? ""]
    }

    func text(_ cell: Cell, of v: Variable, labels: Bool) -> String {
        cell.written(v, labels: labels, spss: options.format == .spss, kind: wideKind)
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
