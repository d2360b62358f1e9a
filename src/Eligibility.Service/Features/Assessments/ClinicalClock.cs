namespace Ivig.Eligibility.Features.Assessments;

/// <summary>The clinical date the rules use ("today" for postpartum windows and creatinine recency).</summary>
public static class ClinicalClock
{
    /// <summary>
    /// Today in the service's local time zone: the hospital's calendar day, not UTC's, so a late-evening
    /// assessment does not count a day that has not begun on the ward.
    /// </summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
