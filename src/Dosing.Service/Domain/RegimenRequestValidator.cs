namespace Ivig.Dosing.Domain;

/// <summary>Input checks for <see cref="RegimenPlanner"/>; returns every violation at once.</summary>
public static class RegimenRequestValidator
{
    public static IReadOnlyList<FieldViolation> Validate(RegimenRequest request, DosingPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var violations = new List<FieldViolation>();
        void Fail(string field, FormattableString description) => violations.Add(new FieldViolation(field, Text.Invariant(description)));

        if (!Enum.IsDefined(request.Sex))
        {
            Fail("sex", $"'{request.Sex}' is not a known sex");
        }

        if (!Enum.IsDefined(request.Indication))
        {
            Fail("indication", $"'{request.Indication}' is not a known indication");
        }

        if (!Enum.IsDefined(request.Rounding))
        {
            Fail("rounding", $"'{request.Rounding}' is not a known rounding policy");
        }

        if (request.HeightCm < options.MinHeightCm || request.HeightCm > options.MaxHeightCm)
        {
            Fail("heightCm", $"{request.HeightCm} cm is outside the plausible {options.MinHeightCm}–{options.MaxHeightCm} cm");
        }

        CheckWeight("actualWeightKg", request.ActualWeightKg);
        if (request.PrePregnancyWeightKg is { } prePregnancy)
        {
            CheckWeight("prePregnancyWeightKg", prePregnancy);
        }

        if (request.Pregnant && request.Indication == Indication.Postpartum)
        {
            Fail("pregnant", $"a postpartum regimen cannot be for a patient who is pregnant");
        }

        if (request.Indication == Indication.RelapsePrevention)
        {
            if (request.MaintenanceDoseGramsPerKg is { } dose
                && (dose < DosingGuideline.MaintenanceMinGramsPerKg || dose > DosingGuideline.MaintenanceMaxGramsPerKg))
            {
                Fail(
                    "maintenanceDoseGramsPerKg",
                    $"{dose} g/kg is outside the {DosingGuideline.MaintenanceMinGramsPerKg}–{DosingGuideline.MaintenanceMaxGramsPerKg} g/kg allowed (DOSE-MAINT)");
            }

            if (request.MaintenanceIntervalWeeks is { } weeks
                && (weeks < DosingGuideline.MaintenanceMinIntervalWeeks || weeks > DosingGuideline.MaintenanceMaxIntervalWeeks))
            {
                Fail(
                    "maintenanceIntervalWeeks",
                    $"every {weeks} weeks is outside the {DosingGuideline.MaintenanceMinIntervalWeeks}–{DosingGuideline.MaintenanceMaxIntervalWeeks} weeks allowed (DOSE-MAINT)");
            }
        }
        else
        {
            if (request.MaintenanceDoseGramsPerKg is not null)
            {
                Fail("maintenanceDoseGramsPerKg", $"only a relapse-prevention regimen takes a prescribed dose; {request.Indication} uses its rule's dose");
            }

            if (request.MaintenanceIntervalWeeks is not null)
            {
                Fail("maintenanceIntervalWeeks", $"only a relapse-prevention regimen takes an interval; {request.Indication} uses its rule's schedule");
            }
        }

        return violations;

        void CheckWeight(string field, decimal kg)
        {
            if (kg < options.MinWeightKg || kg > options.MaxWeightKg)
            {
                Fail(field, $"{kg} kg is outside the plausible {options.MinWeightKg}–{options.MaxWeightKg} kg");
            }
        }
    }
}
