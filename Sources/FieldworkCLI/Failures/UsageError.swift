/// A usage error: printed with the command's usage, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}
