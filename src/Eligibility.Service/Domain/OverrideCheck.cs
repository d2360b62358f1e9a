namespace Ivig.Eligibility.Domain;

/// <summary>The result of <see cref="OverridePolicy.Check"/>: when allowed, the trimmed reason to audit.</summary>
public sealed record OverrideCheck(bool Allowed, string? Reason, IReadOnlyList<string> Errors);
