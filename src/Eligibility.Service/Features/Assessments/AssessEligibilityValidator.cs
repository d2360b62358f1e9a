using System.Globalization;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>
/// Checks an AssessEligibility request before anything is assessed or stored. Every problem is reported
/// at once, by its proto field path, so a caller fixes its request in one round. Unknown facts are fine
/// (they are unknown, not wrong); facts that cannot be true are not.
/// </summary>
public static class AssessEligibilityValidator
{
    public static IReadOnlyList<FieldViolation> Validate(AssessEligibilityRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<FieldViolation>();
        if (PatientReference.Problem(request.PatientReference) is { } problem)
        {
            violations.Add(new("patient_reference", problem));
        }

        if (request.Facts is not { } facts)
        {
            violations.Add(new("facts", "Required: the patient facts (leave a fact unset when it is unknown)."));
            return violations;
        }

        Defined(violations, "facts.phenotype", facts.Phenotype);
        Defined(violations, "facts.purpose", facts.Purpose);
        Defined(violations, "facts.pregnancy_state", facts.PregnancyState);
        Defined(violations, "facts.corticosteroid_response", facts.CorticosteroidResponse);
        Defined(violations, "facts.plasma_exchange_status", facts.PlasmaExchangeStatus);
        Defined(violations, "facts.plasma_exchange_response", facts.PlasmaExchangeResponse);
        Defined(violations, "facts.prior_hypersensitivity", facts.PriorHypersensitivity);
        Defined(violations, "facts.abo_group", facts.AboGroup);
        Defined(violations, "facts.sex", facts.Sex);

        if (facts.HasPriorSevereHypersensitivityToImmunoglobulin
            && facts.PriorHypersensitivity != HypersensitivityHistory.Unspecified
            && facts.PriorSevereHypersensitivityToImmunoglobulin != (facts.PriorHypersensitivity == HypersensitivityHistory.SevereSystemicOrAnaphylaxis))
        {
            violations.Add(new(
                "facts.prior_severe_hypersensitivity_to_immunoglobulin",
                "Contradicts facts.prior_hypersensitivity; send one or make them agree."));
        }

        Date(violations, "facts.delivery_date", facts.DeliveryDate, today, "A delivery date cannot be in the future.");
        Date(violations, "facts.creatinine_measured_on", facts.CreatinineMeasuredOn, today, "A creatinine cannot be measured in the future.");

        if (facts.HasAgeYears && facts.AgeYears is < FactLimits.MinAgeYears or > FactLimits.MaxAgeYears)
        {
            violations.Add(new("facts.age_years", $"Must be between {FactLimits.MinAgeYears} and {FactLimits.MaxAgeYears} years."));
        }

        Range(violations, "facts.weight_kg", facts.HasWeightKg, facts.WeightKg, FactLimits.MinWeightKg, FactLimits.MaxWeightKg, "kg");
        Range(violations, "facts.pre_pregnancy_weight_kg", facts.HasPrePregnancyWeightKg, facts.PrePregnancyWeightKg, FactLimits.MinWeightKg, FactLimits.MaxWeightKg, "kg");
        Range(violations, "facts.height_cm", facts.HasHeightCm, facts.HeightCm, FactLimits.MinHeightCm, FactLimits.MaxHeightCm, "cm");
        Range(violations, "facts.serum_iga_mg_per_dl", facts.HasSerumIgaMgPerDl, facts.SerumIgaMgPerDl, 0, FactLimits.MaxSerumIgaMgDl, "mg/dL");
        Range(violations, "facts.serum_creatinine_mg_per_dl", facts.HasSerumCreatinineMgPerDl, facts.SerumCreatinineMgPerDl, 0, FactLimits.MaxCreatinineMgDl, "mg/dL");
        Range(violations, "facts.egfr_ml_per_min", facts.HasEgfrMlPerMin, facts.EgfrMlPerMin, 0, FactLimits.MaxEgfrMlPerMin, "mL/min/1.73 m²");

        if (facts.HasPlannedCourseTotalGPerKg
            && !(double.IsFinite(facts.PlannedCourseTotalGPerKg) && facts.PlannedCourseTotalGPerKg > 0 && facts.PlannedCourseTotalGPerKg <= FactLimits.MaxCourseTotalGPerKg))
        {
            violations.Add(new(
                "facts.planned_course_total_g_per_kg",
                Invariant($"Must be greater than 0 and at most {FactLimits.MaxCourseTotalGPerKg} g/kg.")));
        }

        if (facts.DmtsNotFeasibleReason.Length > FactLimits.MaxDmtNotFeasibleReasonLength)
        {
            violations.Add(new("facts.dmts_not_feasible_reason", $"At most {FactLimits.MaxDmtNotFeasibleReasonLength} characters."));
        }

        return violations;
    }

    private static void Defined<TEnum>(List<FieldViolation> violations, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            violations.Add(new(field, $"Unknown value {Convert.ToInt32(value, CultureInfo.InvariantCulture)}; leave it unspecified when unknown."));
        }
    }

    private static void Range(List<FieldViolation> violations, string field, bool has, double value, double min, double max, string unit)
    {
        if (has && !(double.IsFinite(value) && value >= min && value <= max))
        {
            violations.Add(new(field, Invariant($"Must be between {min} and {max} {unit}.")));
        }
    }

    private static void Date(List<FieldViolation> violations, string field, string value, DateOnly today, string futureMessage)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add(new(field, "Must be an ISO date, yyyy-mm-dd."));
        }
        else if (date > today)
        {
            violations.Add(new(field, futureMessage));
        }
        else if (date < FactLimits.EarliestDate)
        {
            violations.Add(new(field, "Implausibly early date."));
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
