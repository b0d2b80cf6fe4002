import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import SessionEngine

/// `fieldwork serve`: an SSH server whose only service is the survey.
///
/// Each connection is admitted (limits), let in (`AccessDelegate`), and given one session
/// channel (`SessionChannelHandler`) whose survey runs on a thread of its own. Port forwarding
/// (`-L`, `-R`), agent and X11 forwarding are refused: other channel types fail to open, and
/// swift-nio-ssh answers unknown requests with a failure.
public final class SurveyServer: @unchecked Sendable {
    public let context: ServerContext
    private let hostKey: HostKey
    private let group: MultiThreadedEventLoopGroup
    private var listener: Channel?

    public init(context: ServerContext, hostKey: HostKey, threads: Int = System.coreCount) {
        self.context = context
        self.hostKey = hostKey
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
    }

    /// Starts listening; returns the port bound (useful with port 0).
    public func start(host: String, port: Int) throws -> Int {
        let context = self.context
        let hostKey = self.hostKey.sshKey
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                Self.setUp(channel, context: context, hostKey: hostKey)
            }
        let bound = try bootstrap.bind(host: host, port: port).wait()
        listener = bound
        return bound.localAddress?.port ?? port
    }

    /// Stops accepting, saves every live session as interrupted (waiting at most `seconds`),
    /// then closes what is left.
    public func stop(waiting seconds: Double = 10) {
        try? listener?.close().wait()
        context.stopSessions(waiting: seconds)
        try? group.syncShutdownGracefully()
    }

    private static func setUp(_ channel: Channel, context: ServerContext, hostKey: NIOSSHPrivateKey) -> EventLoopFuture<Void> {
        let address = channel.remoteAddress?.ipAddress ?? "?"
        let number = context.newConnectionNumber()
        if context.isStopping { return channel.close() }
        if let refusal = context.admission.admit(address, at: ProcessInfo.processInfo.systemUptime) {
            // Said before the SSH banner, as plain text: a client that is not let in learns why
            // (ssh shows it with -v; the connection is closed either way).
            let words = refusal == .tooManyConnections ? context.words.serveBusy : context.words.serveTooManyConnections
            context.log.event(number, refusal == .tooManyConnections ? "refused: connections at once" : "refused: connections per address", address: address)
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(TurnAway(words: words))
            }
        }
        context.log.event(number, "connected", address: address)
        let state = ConnectionState(number: number, address: address)
        let delegate = AccessDelegate(context: context, state: state, channel: channel)
        var configuration = SSHServerConfiguration(hostKeys: [hostKey], userAuthDelegate: delegate)
        // swift-nio-ssh's own count of every request (the first `none` probe included) backs ours up.
        configuration.maxAuthAttempts = context.limits.authAttempts + 2
        let login = channel.eventLoop.scheduleTask(in: .seconds(Int64(context.limits.loginSeconds))) {
            if !state.hasSession {
                context.log.event(number, "closed: no survey started within \(context.limits.loginSeconds) seconds")
                channel.close(promise: nil)
            }
        }
        channel.closeFuture.whenComplete { _ in
            login.cancel()
            context.admission.release()
            if !state.hasSession, let grant = state.grant { context.release(grant, complete: false) }
            context.log.event(number, "closed")
        }
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandlers([
                NIOSSHHandler(role: .server(configuration), allocator: channel.allocator,
                              inboundChildChannelInitializer: { child, type in
                                  guard case .session = type else {
                                      context.log.event(number, "refused: a forwarding channel")
                                      return child.eventLoop.makeFailedFuture(Refused.channelType)
                                  }
                                  return child.eventLoop.makeCompletedFuture {
                                      try child.pipeline.syncOperations.addHandler(SessionChannelHandler(context: context, state: state))
                                  }
                              }),
                ConnectionErrors(context: context, number: number),
            ])
        }
    }

    enum Refused: Error { case channelType }
}

/// Says why a connection is not let in, as one plain line once it is up, and closes it.
final class TurnAway: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let words: String

    init(words: String) { self.words = words }

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: words.utf8.count + 2)
        buffer.writeString(words + "\r\n")
        let channel = context.channel
        context.writeAndFlush(NIOAny(buffer)).whenComplete { _ in channel.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}

/// A connection whose peer breaks the protocol (garbage before the banner, a bad packet) is
/// closed and logged in one line; the server goes on.
final class ConnectionErrors: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any
    let context: ServerContext
    let number: Int

    init(context: ServerContext, number: Int) {
        self.context = context
        self.number = number
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // Long enough for swift-nio-ssh's reason ("encrypted packet length 1000037 exceeds 35840
        // bytes"), short enough that a peer cannot fill the log through it.
        self.context.log.event(number, "closed: protocol error (\(String(describing: error).prefix(160)))")
        context.close(promise: nil)
    }
}
