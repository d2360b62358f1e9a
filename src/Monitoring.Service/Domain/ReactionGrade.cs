namespace Ivig.Monitoring.Domain;

/// <summary>CTCAE infusion-related reaction grade.</summary>
public enum ReactionGrade
{
    Grade1 = 1,
    Grade2 = 2,
    Grade3 = 3,
    Grade4 = 4,
}
