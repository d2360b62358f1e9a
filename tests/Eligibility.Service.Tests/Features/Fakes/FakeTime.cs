namespace Ivig.Eligibility.Tests.Features.Fakes;

/// <summary>A clock that stands still until moved; its local time zone is UTC, so "today" is predictable.</summary>
internal sealed class FakeTime(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
