namespace Ivig.Eligibility.Features.Assessments;

/// <summary>
/// Plausible ranges for the numeric facts: outside them the input is a typo or a unit mix-up, refused with
/// InvalidArgument rather than assessed. Weight and height are the catalogue's (section 7); age and the
/// laboratory upper bounds are this service's generous plausibility limits, not clinical thresholds (those
/// live in configuration, see EligibilityThresholds).
/// </summary>
public static class FactLimits
{
    public const double MinWeightKg = 2;
    public const double MaxWeightKg = 400;
    public const double MinHeightCm = 40;
    public const double MaxHeightCm = 250;
    public const int MinAgeYears = 0;
    public const int MaxAgeYears = 130;

    /// <summary>IgA myeloma can reach several thousand mg/dL; beyond this is a unit error (g/L vs mg/dL is ×100).</summary>
    public const double MaxSerumIgaMgDl = 10_000;

    public const double MaxCreatinineMgDl = 40;
    public const double MaxEgfrMlPerMin = 300;

    /// <summary>A course total above this (g/kg) is no IVIG course: the catalogue's acute course is 2 g/kg.</summary>
    public const double MaxCourseTotalGPerKg = 10;

    /// <summary>Free text kept with the facts; long enough for a reason, too short for a record.</summary>
    public const int MaxDmtNotFeasibleReasonLength = 500;

    /// <summary>Dates before this are typos.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
}
