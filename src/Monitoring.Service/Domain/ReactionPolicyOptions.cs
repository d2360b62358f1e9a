namespace Ivig.Monitoring.Domain;

/// <summary>Reaction handling options bound from configuration.</summary>
public sealed class ReactionPolicyOptions
{
    public const string SectionName = "Monitoring:ReactionPolicy";

    /// <summary>
    /// RXN-G2: after a grade 2 reaction, resume at most this fraction of the last tolerated rate.
    /// [local default] 0.5 (50%): a hospital must review it.
    /// </summary>
    public decimal Grade2ResumeFactor { get; set; } = 0.5m;

    /// <summary>
    /// Product default (not clinical): seconds to wait for Dosing's rate order after a reaction that
    /// leaves the infusion running, before the RXN-ORDER-DEADLINE escalation.
    /// </summary>
    public int RateOrderDeadlineSeconds { get; set; } = 10;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Grade2ResumeFactor is <= 0m or > 1m)
        {
            errors.Add($"{nameof(Grade2ResumeFactor)} must be above 0 and at most 1.");
        }

        if (RateOrderDeadlineSeconds <= 0)
        {
            errors.Add($"{nameof(RateOrderDeadlineSeconds)} must be positive.");
        }

        return errors;
    }

    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid reaction policy options: " + string.Join(" ", errors));
        }
    }
}
