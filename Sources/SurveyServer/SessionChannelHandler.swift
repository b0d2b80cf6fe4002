import Foundation
import NIOCore
import NIOSSH
import SessionEngine

/// One SSH session channel: takes a PTY and its size changes, starts the survey on `shell`,
/// refuses everything else (exec, subsystems such as sftp, environment variables), and carries
/// bytes between the client and the session's thread.
final class SessionChannelHandler: ChannelDuplexHandler, @unchecked Sendable {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    private let context: ServerContext
    private let state: ConnectionState
    private let input = ChannelInput()
    private var pty: (columns: Int, rows: Int, term: String)?
    private var rate: InputRate
    private var running = false
    /// Whether a window change out of range was logged already (a flood logs one line).
    private var loggedWindowChange = false
    private let started = Date()

    init(context: ServerContext, state: ConnectionState) {
        self.context = context
        self.state = state
        rate = InputRate(bytesPerSecond: context.limits.inputBytesPerSecond)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // `ssh -T` with its input from a file ends that input before the survey ends: the
        // channel stays open to say goodbye.
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func channelInactive(context: ChannelHandlerContext) {
        input.close()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            // No terminal is that large: a client asking for one is refused its PTY (OpenSSH then
            // carries on without one, and gets the plain prompts).
            guard Self.inRange(request.terminalCharacterWidth, request.terminalRowHeight) else {
                self.context.log.event(state.number, "refused: a terminal of \(request.terminalCharacterWidth) by \(request.terminalRowHeight) "
                                       + "(the largest taken is \(ServerLimits.largestTerminal) by \(ServerLimits.largestTerminal))")
                reply(context, ok: false, want: request.wantReply)
                return
            }
            pty = (request.terminalCharacterWidth, request.terminalRowHeight, request.term)
            reply(context, ok: !running, want: request.wantReply)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            guard Self.inRange(request.terminalCharacterWidth, request.terminalRowHeight) else {
                if !loggedWindowChange {
                    loggedWindowChange = true
                    self.context.log.event(state.number, "ignored: a window change to \(request.terminalCharacterWidth) by \(request.terminalRowHeight) "
                                           + "(and any more out of range on this session)")
                }
                return
            }
            if running {
                input.resize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            } else if let p = pty {
                pty = (request.terminalCharacterWidth, request.terminalRowHeight, p.term)
            }
        case let request as SSHChannelRequestEvent.ShellRequest:
            guard !running, state.startSession() else {
                reply(context, ok: false, want: request.wantReply)
                return
            }
            reply(context, ok: true, want: request.wantReply)
            start(context.channel)
        case let request as SSHChannelRequestEvent.ExecRequest:
            self.context.log.event(state.number, "refused: a command")
            refuseCommand(context, want: request.wantReply)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            self.context.log.event(state.number, "refused: a subsystem")
            reply(context, ok: false, want: request.wantReply)
            context.close(promise: nil)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            // Nothing from the client's environment is taken (TERM comes with the PTY).
            reply(context, ok: false, want: request.wantReply)
        case ChannelEvent.inputClosed:
            input.close()
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(var buffer) = message.data else { return }
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        guard running else { return }
        guard rate.allow(bytes.count, at: Date().timeIntervalSince(started)) else {
            if clock?.stop == nil {
                clock?.record(.inputRate)
                input.hangUp()
            }
            return
        }
        input.feed(bytes)
    }

    private var clock: SessionClock?

    /// A terminal size a real client can have (0 is "unknown", which ssh sends without a tty).
    static func inRange(_ columns: Int, _ rows: Int) -> Bool {
        (0...ServerLimits.largestTerminal).contains(columns) && (0...ServerLimits.largestTerminal).contains(rows)
    }

    private func reply(_ context: ChannelHandlerContext, ok: Bool, want: Bool) {
        guard want else { return }
        if ok {
            context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// Only the survey runs here: a command runs nothing. Its request is taken only so that the
    /// words reach the person reliably (ssh drops output that arrives with a refused request),
    /// then the channel ends with exit status 1, the command having run nowhere.
    private func refuseCommand(_ context: ChannelHandlerContext, want: Bool) {
        guard !running, state.startSession() else {
            reply(context, ok: false, want: want)
            return
        }
        reply(context, ok: true, want: want)
        let local = context.channel.parent?.localAddress
        let host = self.context.publicName ?? local?.ipAddress ?? "this server"
        let text = self.context.words.serveOnlyTheSurvey(self.context.instrument.id, command: "ssh -p \(local?.port ?? self.context.port) survey@\(host)") + "\r\n"
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer))), promise: nil)
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    /// Starts the survey on a thread of its own, so that a participant who stops typing blocks
    /// only that thread.
    private func start(_ channel: Channel) {
        running = true
        let server = self.context
        let connection = state.number
        let output: @Sendable (String) -> Void = { text in
            var buffer = channel.allocator.buffer(capacity: text.utf8.count)
            buffer.writeString(text)
            channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)), promise: nil)
        }
        guard let grant = state.grant, server.started(connection, input: input) else {
            output(server.words.serveStoppingTryLater + "\r\n")
            channel.close(promise: nil)
            return
        }
        let clock = SessionClock(idleSeconds: server.limits.idleSeconds, sessionSeconds: server.limits.sessionSeconds)
        self.clock = clock
        let session = SurveySession(context: server, grant: grant, request: ChannelRequest(pty: pty), input: input,
                                    clock: clock, output: output, connection: connection,
                                    reached: .init(host: channel.parent?.localAddress?.ipAddress, port: channel.parent?.localAddress?.port))
        let thread = Thread {
            let ending = session.run()
            server.release(grant, complete: ending == .completed || ending == .declined)
            let status = ending == .completed || ending == .declined ? 0 : 3
            // Ended only once the exit status has gone: a server stopping waits for its sessions
            // to end and then shuts its event loops down, and a status sent after that was a
            // promise on a dead loop, never kept (a debug build traps on that: exit 132 in CI).
            channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
                channel.close(promise: nil)
                server.ended(connection)
            }
        }
        thread.name = "survey-session"
        thread.start()
    }
}
