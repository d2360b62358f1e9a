namespace Ivig.Eligibility.Domain;

/// <summary>
/// What an assessment needs besides the facts: the assessment date (injected, so rules never read
/// the clock) and the configured thresholds.
/// </summary>
public sealed record EligibilityContext(DateOnly Today, EligibilityThresholds Thresholds)
{
    /// <summary>A context with the catalogue's default thresholds.</summary>
    public EligibilityContext(DateOnly today)
        : this(today, new EligibilityThresholds())
    {
    }
}
