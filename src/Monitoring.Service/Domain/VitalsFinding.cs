namespace Ivig.Monitoring.Domain;

/// <summary>A threshold crossed by one set of vitals, named by its rule id (VIT-FEVER ...).</summary>
public sealed record VitalsFinding(string RuleId, FindingTreatment TreatedAs, string Description)
{
    /// <summary>The reaction grade the finding stands for, or null when it is a warning only.</summary>
    public ReactionGrade? ReactionGrade => TreatedAs switch
    {
        FindingTreatment.ReactionGrade1 => Domain.ReactionGrade.Grade1,
        FindingTreatment.ReactionGrade2 => Domain.ReactionGrade.Grade2,
        FindingTreatment.ReactionGrade3 => Domain.ReactionGrade.Grade3,
        _ => null,
    };

    public bool IsReaction => ReactionGrade is not null;
}
