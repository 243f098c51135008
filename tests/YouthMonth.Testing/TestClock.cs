namespace YouthMonth.Testing;

/// <summary>
/// The one clock of every test: the product gets it as its <see cref="TimeProvider"/>, the test sets the time it
/// plays at, forwards and back (a dialog test may replay an earlier day). Timers and delays stay real.
/// </summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public TestClock() : this(new DateTimeOffset(2024, 3, 4, 2, 0, 0, TimeSpan.Zero)) { }

    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public void SetUtcNow(DateTimeOffset value) => Now = value;
    public void Advance(TimeSpan by) => Now += by;
}
