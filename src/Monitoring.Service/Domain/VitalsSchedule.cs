namespace Ivig.Monitoring.Domain;

/// <summary>
/// Section 7 schedule: vitals every <see cref="VitalsThresholds.EarlyPhaseIntervalMinutes"/> during the
/// first <see cref="VitalsThresholds.EarlyPhaseMinutes"/> of the infusion, then every
/// <see cref="VitalsThresholds.LaterIntervalMinutes"/>; overdue after the grace. The interval counts from
/// the last vitals (or the start), and its length follows the phase the last vitals fell in.
/// </summary>
public sealed class VitalsSchedule
{
    private readonly VitalsThresholds thresholds;

    public VitalsSchedule(VitalsThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.EnsureValid();
        this.thresholds = thresholds;
    }

    /// <summary>The vitals interval in force at <paramref name="at"/>.</summary>
    public TimeSpan IntervalAt(DateTimeOffset startedAt, DateTimeOffset at) =>
        at - startedAt < TimeSpan.FromMinutes(thresholds.EarlyPhaseMinutes)
            ? TimeSpan.FromMinutes(thresholds.EarlyPhaseIntervalMinutes)
            : TimeSpan.FromMinutes(thresholds.LaterIntervalMinutes);

    public VitalsDue Evaluate(DateTimeOffset startedAt, DateTimeOffset? lastVitalsAt, DateTimeOffset now)
    {
        var anchor = lastVitalsAt is { } last && last > startedAt ? last : startedAt;
        var due = anchor + IntervalAt(startedAt, anchor);
        var overdueAfter = due + TimeSpan.FromMinutes(thresholds.OverdueGraceMinutes);
        return new VitalsDue(due, overdueAfter, now > overdueAfter);
    }

    /// <summary>
    /// True when vitals were recorded within the interval in force now (the titration precondition
    /// "vitals before every rate increase").
    /// </summary>
    public bool IsRecent(DateTimeOffset startedAt, DateTimeOffset? lastVitalsAt, DateTimeOffset now) =>
        lastVitalsAt is { } last && last <= now && now - last <= IntervalAt(startedAt, now);
}
