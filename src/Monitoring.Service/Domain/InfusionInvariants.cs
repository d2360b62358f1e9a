namespace Ivig.Monitoring.Domain;

/// <summary>
/// Safety invariants of a session, checked over its whole history. For tests, and for storage to assert
/// on load. Each returns a description per broken invariant; empty means all hold.
/// </summary>
public static class InfusionInvariants
{
    public static IReadOnlyList<string> Check(InfusionSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var broken = new List<string>();
        broken.AddRange(RateRisesWhileReactionActive(session));

        if (session.State == InfusionState.Running && session.CurrentRateMgPerKgMin <= 0m)
        {
            broken.Add("A running infusion has no rate.");
        }

        if (session.State != InfusionState.Running && session.CurrentRateMgPerKgMin != 0m)
        {
            broken.Add($"A {session.State} infusion has a rate of {session.CurrentRateMgPerKgMin}.");
        }

        if (session.CurrentRateMgPerKgMin > session.ProductMaxMgPerKgMin)
        {
            broken.Add("The rate is above the product maximum.");
        }

        if (session.AtRiskCapMgPerKgMin is { } cap && session.CurrentRateMgPerKgMin > cap)
        {
            broken.Add("The rate is above the at-risk cap.");
        }

        var history = session.RateHistory;
        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].Sequence < history[i - 1].Sequence)
            {
                broken.Add($"Rate history is out of order at entry {i}.");
            }
        }

        if (history.Count > 0 && history[^1].Sequence > session.Version)
        {
            broken.Add("Rate history is ahead of the version.");
        }

        return broken;
    }

    /// <summary>Every rate increase made while a reaction was active (there must be none).</summary>
    public static IReadOnlyList<string> RateRisesWhileReactionActive(InfusionSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var broken = new List<string>();
        var history = session.RateHistory;
        for (var i = 1; i < history.Count; i++)
        {
            var change = history[i];
            if (change.RateMgPerKgMin <= history[i - 1].RateMgPerKgMin)
            {
                continue;
            }

            foreach (var reaction in session.Reactions)
            {
                if (reaction.IsActiveAt(change.Sequence))
                {
                    broken.Add($"The rate rose to {change.RateMgPerKgMin} ({change.Source}) while reaction {reaction.Id} ({reaction.RuleId}) was active.");
                }
            }
        }

        return broken;
    }
}
