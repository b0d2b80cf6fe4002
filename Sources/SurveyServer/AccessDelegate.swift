import Foundation
import NIOCore
import NIOSSH

/// What one connection knows about itself: its number, its address (for the log only, and only
/// with `--log-addresses`) and what it was let in for.
final class ConnectionState: @unchecked Sendable {
    let number: Int
    let address: String
    private let lock = NSLock()
    private var granted: Grant?
    private var failures = 0
    private var sessionStarted = false

    init(number: Int, address: String) {
        self.number = number
        self.address = address
    }

    var grant: Grant? {
        lock.lock()
        defer { lock.unlock() }
        return granted
    }

    func allow(_ grant: Grant) {
        lock.lock()
        defer { lock.unlock() }
        granted = grant
    }

    /// Counts a refused attempt; returns how many there have been.
    func fail() -> Int {
        lock.lock()
        defer { lock.unlock() }
        failures += 1
        return failures
    }

    /// True the first time only: one survey per connection.
    func startSession() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if sessionStarted { return false }
        sessionStarted = true
        return true
    }

    var hasSession: Bool {
        lock.lock()
        defer { lock.unlock() }
        return sessionStarted
    }
}

/// Lets participants in: anyone on an open survey (no password: SSH's `none` method), or the
/// holder of an invitation code typed as the password. On an open survey the user name `resume`
/// asks for the session code the leave screen showed instead.
///
/// A refused code is answered only after a delay, the same for every refusal, and the answer
/// never says whether the code exists, is used up or is in use.
final class AccessDelegate: NIOSSHServerUserAuthenticationDelegate, @unchecked Sendable {
    let context: ServerContext
    let state: ConnectionState
    let channel: Channel

    init(context: ServerContext, state: ConnectionState, channel: Channel) {
        self.context = context
        self.state = state
        self.channel = channel
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        switch (context.access, request.request) {
        case (.open, .none) where request.username != "resume":
            grant(.new, responsePromise)
        case (.open, .password) where request.username != "resume":
            grant(.new, responsePromise)
        case (.open, .password(let typed)):
            if let prefix = ServerContext.sessionPrefix(typed.password),
               let journal = context.store.layout.journals().first(where: {
                   $0.contents.header.sessionID.hasPrefix(prefix) && $0.contents.header.pseudonym == nil }),
               context.claimResume(journal.contents.header.sessionID) {
                grant(.resume(sessionID: journal.contents.header.sessionID), responsePromise)
            } else {
                refuse(responsePromise)
            }
        case (.invitations(let book), .password(let typed)):
            if let pseudonym = book.claim(typed.password) {
                grant(.invited(pseudonym: pseudonym), responsePromise)
            } else {
                refuse(responsePromise)
            }
        default:
            // `none` where a code is needed, or a public key: the client moves on to the password.
            responsePromise.succeed(.failure)
        }
    }

    private func grant(_ grant: Grant, _ promise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        state.allow(grant)
        context.log.event(state.number, "let in")
        promise.succeed(.success)
    }

    private func refuse(_ promise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        let failures = state.fail()
        context.log.event(state.number, "code refused (\(failures) of \(context.limits.authAttempts))")
        let channel = self.channel
        let last = failures >= context.limits.authAttempts
        let log = context.log
        let number = state.number
        channel.eventLoop.scheduleTask(in: .milliseconds(Int64(context.limits.refusalDelayMilliseconds))) {
            promise.succeed(.failure)
            if last {
                log.event(number, "closed: too many attempts")
                channel.close(promise: nil)
            }
        }
    }
}
