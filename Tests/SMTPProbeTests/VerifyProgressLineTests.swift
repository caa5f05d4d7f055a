import Testing

@testable import SMTPProbeCore

@Suite struct VerifyProgressLineTests {
  @Test func rateAndTimeLeftFromWhatIsDone() {
    #expect(
      VerifyProgressLine.text(done: 10, total: 40, elapsedMilliseconds: 4000)
        == "checked 10 of 40 addresses, 2.5/s, about 12 s left")
    // Nothing to extrapolate from yet.
    #expect(
      VerifyProgressLine.text(done: 0, total: 40, elapsedMilliseconds: 4000)
        == "checked 0 of 40 addresses")
    #expect(
      VerifyProgressLine.text(done: 40, total: 40, elapsedMilliseconds: 8000)
        == "checked 40 of 40 addresses, 5.0/s")
  }
}
