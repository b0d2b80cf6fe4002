import Foundation

/// The exports of an interview guide's responses for qualitative analysis.
enum QualitativeFiles {
    static func write(_ context: ExportContext) throws(ExportError) -> ([String], Int) {
        let interviews = Interview.collect(context)
        switch context.options.format {
        case .transcripts:
            let folder = context.path("transcripts")
            guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil else {
                throw ExportError("cannot create the folder '\(folder)'")
            }
            var files: [String] = []
            for interview in interviews {
                for (style, ext) in [(Transcript.Style.markdown, "md"), (.plain, "txt")] {
                    let file = folder + "/" + interview.caseName + "." + ext
                    try save(Data(Transcript(interview, style: style).text.utf8), to: file)
                    files.append(file)
                }
            }
            return ([folder], interviews.count)
        case .framework:
            let file = context.path("framework-matrix.csv")
            try FrameworkMatrix.write(interviews, to: file, instrument: context.instrument)
            return ([file], interviews.count)
        default:
            let file = context.path(context.instrument.id + ".qdpx")
            try save(REFIQDAProject(instrument: context.instrument, interviews: interviews).archive(), to: file)
            return ([file], interviews.count)
        }
    }

    private static func save(_ data: Data, to path: String) throws(ExportError) {
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw ExportError("cannot write '\(path)'")
        }
    }
}
