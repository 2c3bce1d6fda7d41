import SFTPGateway
import Testing

/// The ban policy on an explicit clock.
@Suite struct BruteForceGuardTests {
    let policy = BruteForceGuard.Policy(maximumFailures: 3, window: .seconds(60), banDuration: .seconds(600))

    @Test func failuresWithinTheWindowBanForTheDuration() {
        let guardian = BruteForceGuard(policy: policy)
        let start = ContinuousClock.now
        #expect(!guardian.recordFailure("10.0.0.1", now: start))
        #expect(!guardian.recordFailure("10.0.0.1", now: start + .seconds(1)))
        #expect(guardian.recordFailure("10.0.0.1", now: start + .seconds(2)))
        #expect(guardian.isBanned("10.0.0.1", now: start + .seconds(3)))
        #expect(!guardian.isBanned("10.0.0.2", now: start + .seconds(3)))
        #expect(guardian.isBanned("10.0.0.1", now: start + .seconds(601)))
        #expect(!guardian.isBanned("10.0.0.1", now: start + .seconds(603)))
    }

    @Test func failuresOutsideTheWindowDoNotAddUp() {
        let guardian = BruteForceGuard(policy: policy)
        let start = ContinuousClock.now
        for minute in 0..<5 {
            #expect(!guardian.recordFailure("10.0.0.1", now: start + .seconds(minute * 40)))
        }
        #expect(!guardian.isBanned("10.0.0.1", now: start + .seconds(200)))
    }

    @Test func successClearsTheCountButNotABan() {
        let guardian = BruteForceGuard(policy: policy)
        let start = ContinuousClock.now
        guardian.recordFailure("10.0.0.1", now: start)
        guardian.recordFailure("10.0.0.1", now: start)
        guardian.recordSuccess("10.0.0.1")
        #expect(!guardian.recordFailure("10.0.0.1", now: start))
    }
}
