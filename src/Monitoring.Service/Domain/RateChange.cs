namespace Ivig.Monitoring.Domain;

/// <summary>
/// One entry of the rate history. <paramref name="Sequence"/> is the session version of the operation
/// that made it, so events of one session can be ordered exactly (used by <see cref="InfusionInvariants"/>).
/// </summary>
public sealed record RateChange(
    DateTimeOffset At,
    decimal RateMgPerKgMin,
    decimal RateMlPerHour,
    string Reason,
    string? RuleId,
    RateChangeSource Source,
    long Sequence,
    string? OrderId = null);
