import ArgumentParser

/// Where an instrument's responses are: a folder given directly, or an instrument id under the responses folder.
enum ResponsesLocation {
    static func folder(_ source: String, responses: String) throws -> String {
        let folder = Platform.kind(of: source) == .directory ? source : responses + "/" + source
        guard Platform.kind(of: folder) == .directory else {
            throw ValidationError("'\(source)' is neither a responses folder nor an instrument id with responses in '\(responses)'")
        }
        return folder
    }
}
