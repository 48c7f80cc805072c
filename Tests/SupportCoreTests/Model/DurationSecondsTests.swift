import SupportCore
import Testing

@Test(
    "a duration in seconds keeps whole seconds and the fraction",
    arguments: [
        (Duration.seconds(2), 2.0), (.milliseconds(1_500), 1.5), (.microseconds(19), 0.000_019), (.zero, 0),
        (.milliseconds(-250), -0.25),
    ])
func durationSeconds(duration: Duration, expected: Double) {
    #expect(abs(duration.seconds - expected) < 1e-12)
}
