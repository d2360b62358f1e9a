namespace Ivig.Monitoring.Domain;

/// <summary>What a vitals finding is treated as (section 7, "treated as").</summary>
public enum FindingTreatment
{
    ReactionGrade1,
    ReactionGrade2,
    ReactionGrade3,

    /// <summary>VIT-HYPERTENSION: a WARNING alert, no rate change and no reaction.</summary>
    WarningOnly,
}
