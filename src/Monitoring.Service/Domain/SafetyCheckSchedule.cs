namespace Ivig.Monitoring.Domain;

/// <summary>
/// When the safety watchdog next needs to look at an infusion: the moment its vitals become overdue
/// (VIT-OVERDUE, strictly after the grace) or a reaction's rate order deadline passes (RXN-ORDER-DEADLINE),
/// whichever is first. Storage keeps every active infusion indexed by this time, so the watchdog reads only
/// the infusions that are due instead of every active one on every sweep.
/// </summary>
public sealed class SafetyCheckSchedule(VitalsSchedule vitals, ReactionPolicyOptions policy)
{
    /// <summary>
    /// However far off the next due time, an infusion whose vitals stay overdue (its warning already raised)
    /// is looked at again after this long: a safety net, not a clinical interval.
    /// </summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The earliest moment a check can find something to raise; null once the infusion has ended. May be in
    /// the past (vitals already overdue when the change was stored): then the next sweep looks at once.
    /// </summary>
    public DateTimeOffset? NextCheckAt(InfusionSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.VitalsDue(vitals, session.StartedAt) is not { } due)
        {
            return null;
        }
        // Overdue is strictly after OverdueAfter; storage keeps whole milliseconds.
        var vitalsOverdue = due.OverdueAfter + TimeSpan.FromMilliseconds(1);
        return session.NextRateOrderDeadline(policy) is { } deadline && deadline < vitalsOverdue ? deadline : vitalsOverdue;
    }

    /// <summary>
    /// After a check at <paramref name="now"/> raised whatever was due: when to look next. The overdue-vitals
    /// warning is raised once per due time, so vitals that stay overdue need no look before <see cref="Recheck"/>;
    /// a rate order deadline still ahead is looked at when it passes. Null once the infusion has ended.
    /// </summary>
    public DateTimeOffset? NextCheckAfter(InfusionSession session, DateTimeOffset now)
    {
        if (NextCheckAt(session) is not { } next)
        {
            return null;
        }
        if (next > now)
        {
            return next;
        }
        var recheck = now + Recheck;
        return session.NextRateOrderDeadline(policy) is { } deadline && deadline > now && deadline < recheck ? deadline : recheck;
    }
}
