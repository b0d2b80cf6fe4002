import Foundation
import TestSupport

/// The real `fieldwork` binary, run as a user would.
extension Run {
    @discardableResult
    static func fieldwork(_ arguments: [String], input: String? = nil, environment: [String: String] = [:], in directory: URL? = nil) throws -> Run {
        try command(binary.path, arguments, input: input, environment: environment, in: directory)
    }
}
