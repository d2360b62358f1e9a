using static System.FormattableString;

namespace Ivig.Eligibility.Domain;

/// <summary>
/// The numbers of catalogue sections 2 and 3, bound by the host from configuration section
/// <see cref="SectionName"/>. Defaults are the catalogue values.
/// Values marked [local default] are hospital-protocol defaults that no source fixes: a hospital must
/// review them before use and may change them in appsettings; the rules name the rule id, never the number.
/// </summary>
public sealed class EligibilityThresholds
{
    public const string SectionName = "Eligibility:Thresholds";

    /// <summary>CI-IGA-AB, PRE-IGA [label]: serum IgA below this (mg/dL) is IgA deficiency.</summary>
    public double IgaDeficiencyBelowMgDl { get; set; } = 7;

    /// <summary>PRE-IGA [seed]/[label]: most IgA (µg/mL) a product may contain for an IgA-deficient patient.</summary>
    public double LowIgaProductMaxMicrogramsPerMl { get; set; } = 25;

    /// <summary>PRE-RENAL [local default]: eGFR (mL/min/1.73 m²) below this is a renal risk factor.</summary>
    public double EgfrBelowMlPerMin { get; set; } = 60;

    /// <summary>PRE-RENAL [label]: age above this (years) is a renal risk factor.</summary>
    public int RenalRiskAgeAboveYears { get; set; } = 65;

    /// <summary>PRE-THROMBO [local default]: age above this (years) is a thrombosis risk factor.</summary>
    public int ThrombosisRiskAgeAboveYears { get; set; } = 65;

    /// <summary>PRE-BASELINE-LABS [local default]: a creatinine older than this many days is not recent.</summary>
    public int CreatinineRecencyDays { get; set; } = 30;

    /// <summary>ELIG-PREG [seed]: the postpartum period counts up to this many weeks after delivery.</summary>
    public int PostpartumWindowWeeks { get; set; } = 12;

    /// <summary>PRE-MENINGITIS, PRE-HEMOLYSIS [label]: a course total (g/kg) at or above this is high.</summary>
    public double HighCourseTotalGPerKg { get; set; } = 2;

    /// <summary>DOSE-ACUTE [seed]: course total (g/kg) assumed for an acute relapse when none is planned yet.</summary>
    public double AcuteRelapseCourseTotalGPerKg { get; set; } = 2;

    /// <summary>PRE-PREMED [local default dose]: acetaminophen (paracetamol) PO, lowest dose in mg.</summary>
    public int PremedAcetaminophenMinMg { get; set; } = 650;

    /// <summary>PRE-PREMED [local default dose]: acetaminophen (paracetamol) PO, highest dose in mg.</summary>
    public int PremedAcetaminophenMaxMg { get; set; } = 1000;

    /// <summary>PRE-PREMED [local default dose]: diphenhydramine PO/IV, lowest dose in mg.</summary>
    public int PremedDiphenhydramineMinMg { get; set; } = 25;

    /// <summary>PRE-PREMED [local default dose]: diphenhydramine PO/IV, highest dose in mg.</summary>
    public int PremedDiphenhydramineMaxMg { get; set; } = 50;

    /// <summary>PRE-PREMED [local default]: premedication at least this many minutes before the start.</summary>
    public int PremedLeadMinMinutes { get; set; } = 30;

    /// <summary>PRE-PREMED [local default]: premedication at most this many minutes before the start.</summary>
    public int PremedLeadMaxMinutes { get; set; } = 60;

    /// <summary>
    /// Checks that every value is finite and clinically plausible, so the host can refuse a bad
    /// configuration at start-up. Returns one message per problem; empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        InRange(errors, nameof(IgaDeficiencyBelowMgDl), IgaDeficiencyBelowMgDl, 0, 70, lowExclusive: true);
        InRange(errors, nameof(LowIgaProductMaxMicrogramsPerMl), LowIgaProductMaxMicrogramsPerMl, 0, 1000, lowExclusive: true);
        InRange(errors, nameof(EgfrBelowMlPerMin), EgfrBelowMlPerMin, 0, 150, lowExclusive: true);
        InRange(errors, nameof(RenalRiskAgeAboveYears), RenalRiskAgeAboveYears, 0, 120);
        InRange(errors, nameof(ThrombosisRiskAgeAboveYears), ThrombosisRiskAgeAboveYears, 0, 120);
        InRange(errors, nameof(CreatinineRecencyDays), CreatinineRecencyDays, 1, 365);
        InRange(errors, nameof(PostpartumWindowWeeks), PostpartumWindowWeeks, 1, 104);
        InRange(errors, nameof(HighCourseTotalGPerKg), HighCourseTotalGPerKg, 0, 10, lowExclusive: true);
        InRange(errors, nameof(AcuteRelapseCourseTotalGPerKg), AcuteRelapseCourseTotalGPerKg, 0, 10, lowExclusive: true);
        InRange(errors, nameof(PremedAcetaminophenMinMg), PremedAcetaminophenMinMg, 1, 1000);
        InRange(errors, nameof(PremedAcetaminophenMaxMg), PremedAcetaminophenMaxMg, 1, 1000);
        InRange(errors, nameof(PremedDiphenhydramineMinMg), PremedDiphenhydramineMinMg, 1, 100);
        InRange(errors, nameof(PremedDiphenhydramineMaxMg), PremedDiphenhydramineMaxMg, 1, 100);
        InRange(errors, nameof(PremedLeadMinMinutes), PremedLeadMinMinutes, 0, 240);
        InRange(errors, nameof(PremedLeadMaxMinutes), PremedLeadMaxMinutes, 0, 240);
        NotAbove(errors, nameof(PremedAcetaminophenMinMg), PremedAcetaminophenMinMg, nameof(PremedAcetaminophenMaxMg), PremedAcetaminophenMaxMg);
        NotAbove(errors, nameof(PremedDiphenhydramineMinMg), PremedDiphenhydramineMinMg, nameof(PremedDiphenhydramineMaxMg), PremedDiphenhydramineMaxMg);
        NotAbove(errors, nameof(PremedLeadMinMinutes), PremedLeadMinMinutes, nameof(PremedLeadMaxMinutes), PremedLeadMaxMinutes);
        return errors;
    }

    private static void InRange(List<string> errors, string name, double value, double low, double high, bool lowExclusive = false)
    {
        var tooLow = lowExclusive ? value <= low : value < low;
        if (!double.IsFinite(value) || tooLow || value > high)
        {
            var range = lowExclusive ? Invariant($"greater than {low} and at most {high}") : Invariant($"between {low} and {high}");
            errors.Add(Invariant($"{SectionName}:{name} must be {range} (was {value})."));
        }
    }

    private static void NotAbove(List<string> errors, string lowName, int low, string highName, int high)
    {
        if (low > high)
        {
            errors.Add($"{SectionName}:{lowName} ({low}) must not exceed {SectionName}:{highName} ({high}).");
        }
    }
}
