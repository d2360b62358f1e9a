namespace Ivig.Eligibility.Features.Overrides;

/// <summary>What happened to an attempt to append an override.</summary>
public enum OverrideWrite
{
    Added,
    AlreadyOverridden,
    AssessmentNotFound,
}
