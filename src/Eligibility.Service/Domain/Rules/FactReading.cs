namespace Ivig.Eligibility.Domain.Rules;

/// <summary>Readings of the facts that several rules share; each returns null when it cannot tell.</summary>
internal static class FactReading
{
    /// <summary>Whether a known value is one of <paramref name="any"/>; null when the value is unknown.</summary>
    public static bool? OneOf<T>(T? value, params T[] any)
        where T : struct, Enum =>
        value is { } known ? any.Contains(known) : null;

    /// <summary>IgA deficiency: serum IgA below the configured cut-off (CI-IGA-AB, PRE-IGA).</summary>
    public static bool? IgaDeficient(PatientFacts facts, EligibilityThresholds thresholds) =>
        facts.SerumIgaMgDl is { } iga ? iga < thresholds.IgaDeficiencyBelowMgDl : null;

    /// <summary>Any prior hypersensitivity to human immunoglobulin, severe or not.</summary>
    public static bool? AnyPriorHypersensitivity(PatientFacts facts) =>
        facts.PriorHypersensitivity is { } history ? history != HypersensitivityHistory.None : null;

    /// <summary>
    /// The course total in g/kg that PRE-MENINGITIS and PRE-HEMOLYSIS compare with the high-course cut-off.
    /// Assumption: when the caller plans none, an acute relapse is taken to get the DOSE-ACUTE course
    /// (0.4 g/kg/day for 5 days = 2 g/kg, configurable); for any other purpose the total stays unknown,
    /// because maintenance and postpartum courses vary and are chosen later by the Dosing service.
    /// </summary>
    public static double? CourseTotalGPerKg(PatientFacts facts, EligibilityThresholds thresholds) =>
        facts.PlannedCourseTotalGPerKg
        ?? (facts.Purpose == TreatmentPurpose.AcuteRelapse ? thresholds.AcuteRelapseCourseTotalGPerKg : null);

    public static bool? HighCourse(PatientFacts facts, EligibilityThresholds thresholds) =>
        CourseTotalGPerKg(facts, thresholds) is { } total ? total >= thresholds.HighCourseTotalGPerKg : null;

    /// <summary>
    /// Pregnant, breastfeeding, or postpartum within the configured window after delivery (ELIG-PREG).
    /// A missing pregnancy state is read as not pregnant only for a male patient. A delivery date after the
    /// assessment date is implausible and is treated as unknown, so the caller is asked for it again.
    /// </summary>
    public static (bool? Holds, string MissingFact) PregnancyPeriod(PatientFacts facts, EligibilityContext ctx)
    {
        var state = facts.PregnancyState ?? (facts.Sex == Sex.Male ? PregnancyState.NotPregnant : null);
        switch (state)
        {
            case null:
                return (null, FactNames.PregnancyState);
            case PregnancyState.Pregnant or PregnancyState.Breastfeeding:
                return (true, FactNames.PregnancyState);
            case PregnancyState.Postpartum:
                if (facts.DeliveryDate is not { } delivery || delivery > ctx.Today)
                {
                    return (null, FactNames.DeliveryDate);
                }

                var daysSinceDelivery = ctx.Today.DayNumber - delivery.DayNumber;
                return (daysSinceDelivery <= ctx.Thresholds.PostpartumWindowWeeks * 7, FactNames.DeliveryDate);
            default:
                return (false, FactNames.PregnancyState);
        }
    }

    /// <summary>Catalogue spelling of a phenotype (CIS, RRMS, SPMS, PPMS).</summary>
    public static string Display(MsPhenotype phenotype) => phenotype.ToString().ToUpperInvariant();
}
