namespace Ivig.Eligibility.Domain;

/// <summary>What IVIG is for (section 1).</summary>
public enum TreatmentPurpose
{
    AcuteRelapse,
    RelapsePrevention,
    Progression,
}
