import ArgumentParser
import Authoring
import Exporters

/// The library's own choices, taken as option and argument values as they are spelled.
extension ExportFormat: ExpressibleByArgument {}
extension StatusFilter: ExpressibleByArgument {}
extension Deidentification.DateMethod: ExpressibleByArgument {}
extension Templates.Kind: ExpressibleByArgument {}
