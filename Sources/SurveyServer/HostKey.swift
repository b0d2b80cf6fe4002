@preconcurrency import Crypto
import Foundation
import NIOSSH
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The server's Ed25519 host key: made on first start, kept owner-only, shown by its fingerprint.
public struct HostKey: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey
    public let path: String

    static let header = "fieldwork ssh host key (ed25519), keep private"

    public var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: privateKey) }

    /// The public key as one line of OpenSSH's `authorized_keys` / `known_hosts` format.
    public var openSSHPublicKey: String { String(openSSHPublicKey: sshKey.publicKey) }

    /// `SHA256:` and the unpadded base64 of the SHA-256 of the key's wire form, as `ssh` and
    /// `ssh-keygen -l` show it, so participants can compare it with what their client prints.
    public var fingerprint: String {
        let parts = openSSHPublicKey.split(separator: " ")
        guard parts.count >= 2, let blob = Data(base64Encoded: String(parts[1])) else { return "SHA256:?" }
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable(String, reason: String)
        case damaged(String)
        case notPrivate(String)
        case unwritable(String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let p, let r): return "the host key '\(p)' cannot be read: \(r)"
            case .damaged(let p): return "the host key '\(p)' is damaged (not a fieldwork host key); move it away to make a new one, and tell participants the new fingerprint"
            case .notPrivate(let p): return "the host key '\(p)' can be read by others; make it owner-only (chmod 600 '\(p)')"
            case .unwritable(let p, let r): return "the host key '\(p)' cannot be created: \(r)"
            }
        }
    }

    /// Loads the key at `path`, or makes one (owner-only, with its `.pub` beside it) when there
    /// is none; `created` says which, so the caller can tell the operator to publish the fingerprint.
    public static func loadOrCreate(at path: String) throws(Failure) -> (key: HostKey, created: Bool) {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                  let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue else {
                throw .unreadable(path, reason: "its permissions cannot be read")
            }
            guard mode & 0o077 == 0 else { throw .notPrivate(path) }
            guard let data = manager.contents(atPath: path) else { throw .unreadable(path, reason: "permission denied") }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            guard lines.count >= 2, lines[0] == header, let raw = Data(base64Encoded: lines[1]),
                  let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else { throw .damaged(path) }
            return (HostKey(privateKey: key, path: path), false)
        }
        let key = HostKey(privateKey: Curve25519.Signing.PrivateKey(), path: path)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
            catch { throw .unwritable(path, reason: "its folder cannot be made") }
        }
        let text = header + "\n" + key.privateKey.rawRepresentation.base64EncodedString() + "\n"
        // Created owner-only from the first byte (O_EXCL, mode 600), never written and then restricted.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path, reason: String(cString: strerror(errno)).lowercased()) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            unlink(path)
            throw .unwritable(path, reason: "it could not be written whole")
        }
        _ = manager.createFile(atPath: path + ".pub", contents: Data((key.openSSHPublicKey + "\n").utf8), attributes: [.posixPermissions: 0o644])
        return (key, true)
    }
}
