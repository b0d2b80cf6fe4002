import ResponseStore

/// The file `fieldwork simulate --out` leaves in an instrument's folder, so that exports and
/// summaries of made-up responses say so every time.
enum SimulatedMarker {
    static func path(in folder: String) -> String { InstrumentFolder(path: folder).simulatedMarker }

    static func warnIfSimulated(_ folder: String) {
        if Platform.kind(of: path(in: folder)) == .file {
            Platform.write("note: these responses were made up by 'fieldwork simulate'; they are not real responses\n", to: 2)
        }
    }
}
