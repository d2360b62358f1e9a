namespace Ivig.Eligibility.Domain;

/// <summary>
/// Prior hypersensitivity to human immunoglobulin. Three levels because the rules need three:
/// CI-HYPERSENS needs anaphylaxis or a severe systemic reaction, CI-IGA-AB any prior hypersensitivity,
/// and PRE-IGA its absence.
/// </summary>
public enum HypersensitivityHistory
{
    None,

    /// <summary>A prior reaction that was neither anaphylaxis nor severe systemic hypersensitivity.</summary>
    NonSevere,

    SevereSystemicOrAnaphylaxis,
}
