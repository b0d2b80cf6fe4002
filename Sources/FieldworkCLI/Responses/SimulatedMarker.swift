/// The file `fieldwork simulate --out` leaves in an instrument's folder, so that exports and
/// summaries of made-up responses say so every time.
enum SimulatedMarker {
    static let name = "SIMULATED.txt"

    static func warnIfSimulated(_ folder: String) {
        if Platform.kind(of: folder + "/" + name) == .file {
            Platform.write("note: these responses were made up by 'fieldwork simulate'; they are not real responses\n", to: 2)
        }
    }
}
