import Foundation
import SurveyServer
import Testing

@Suite struct LimitsTests {
    @Test func timesReadWithTheirUnits() {
        #expect(ServerLimits.seconds("90") == 90)
        #expect(ServerLimits.seconds("90s") == 90)
        #expect(ServerLimits.seconds("15m") == 900)
        #expect(ServerLimits.seconds("2h") == 7200)
        #expect(ServerLimits.seconds("0") == nil)
        #expect(ServerLimits.seconds("-5m") == nil)
        #expect(ServerLimits.seconds("soon") == nil)
        #expect(ServerLimits.seconds("99999h") == nil)
    }

    @Test func inputRateAllowsABurstThenRefusesAFlood() {
        var rate = InputRate(bytesPerSecond: 100)
        let answers = [rate.allow(400, at: 0), rate.allow(1, at: 0),
                       // After a second the bucket has a second's worth again.
                       rate.allow(100, at: 1.1), rate.allow(100, at: 1.1)]
        #expect(answers == [true, false, true, false])
    }

    @Test func admissionCountsConnectionsAtOnceAndPerAddress() {
        var limits = ServerLimits()
        limits.connections = 2
        limits.perAddressPerMinute = 3
        let admission = Admission(limits: limits)
        #expect(admission.admit("a", at: 0) == nil)
        #expect(admission.admit("b", at: 0) == nil)
        #expect(admission.admit("c", at: 0) == .tooManyConnections)
        admission.release()
        #expect(admission.admit("a", at: 1) == nil)
        admission.release()
        #expect(admission.admit("a", at: 2) == nil)
        admission.release()
        // A fourth from "a" within the minute.
        #expect(admission.admit("a", at: 3) == .tooManyFromAddress)
        // A minute after the first two, the address has room again.
        #expect(admission.admit("a", at: 61.5) == nil)
        #expect(admission.openConnections == 2)
    }
}

@Suite struct ChannelRequestTests {
    /// The client's TERM decides colour: none without a PTY, none for `dumb` or an empty TERM.
    @Test func colourFollowsTheClientsTerm() {
        #expect(ChannelRequest(pty: (80, 24, "xterm-256color")).color)
        #expect(ChannelRequest(pty: (80, 24, "screen")).color)
        #expect(!ChannelRequest(pty: (80, 24, "dumb")).color)
        #expect(!ChannelRequest(pty: (80, 24, "")).color)
        #expect(!ChannelRequest(pty: nil).color)
    }
}
