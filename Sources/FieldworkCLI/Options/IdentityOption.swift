import ArgumentParser
import Foundation
import ResponseStore
import Sealing

/// `--identity FILE`: the study's age identity, for the commands that read a sealed folder.
struct IdentityOption: ParsableArguments {
    @Option(help: ArgumentHelp("The study's age identity, to read a sealed responses folder (the file 'fieldwork keys new' wrote).",
                               valueName: "file"))
    var identity: String?

    func validate() throws {
        if identity?.isEmpty == true { throw ValidationError("--identity needs a file's name") }
    }

    /// The identity in the file given, or nil when none was given.
    func load() throws -> AgeIdentity? {
        guard let identity else { return nil }
        let data: [UInt8]
        do { data = try Platform.read(identity) } catch {
            throw ValidationError("cannot read the identity '\(identity)': \(Platform.describe(error))")
        }
        // Said, not refused: the analyst may be reading from a copy on an encrypted disk.
        if let mode = (try? FileManager.default.attributesOfItem(atPath: identity))?[.posixPermissions] as? NSNumber,
           mode.intValue & 0o077 != 0 {
            Platform.write("warning: the identity '\(identity)' can be read by other users (mode \(String(mode.intValue & 0o777, radix: 8))); "
                           + "make it yours only: chmod 600 '\(identity)'\n", to: 2)
        }
        do throws(AgeError) {
            guard let first = try AgeIdentity.parseFile(String(decoding: data, as: UTF8.self)).first else { return nil }
            return first
        } catch {
            throw ValidationError("'\(identity)' is not an age identity file: \(error)")
        }
    }

    /// The identity, checked against each folder to be read: a sealed folder read without its
    /// identity, or with another, stops the command here, saying what it needs (wrong use).
    func opening(_ folders: [InstrumentFolder]) throws -> AgeIdentity? {
        let loaded = try load()
        for folder in folders {
            do { try folder.checkIdentity(loaded) } catch { throw FieldworkFailure.sealed(error) }
        }
        return loaded
    }

    func opening(_ folder: String) throws -> AgeIdentity? { try opening([InstrumentFolder(path: folder)]) }
}
