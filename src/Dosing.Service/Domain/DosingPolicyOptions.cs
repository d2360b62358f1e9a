namespace Ivig.Dosing.Domain;

/// <summary>
/// The dosing numbers the rule catalogue marks [local default] (hospital protocol; a hospital should review them),
/// plus the dosing-weight policy that the catalogue makes configuration. Bound from <c>Dosing:Policy</c>.
/// Defaults are the catalogue's values.
/// </summary>
public sealed class DosingPolicyOptions
{
    public const string SectionName = "Dosing:Policy";

    /// <summary>DOSE-WEIGHT: which weight to dose by.</summary>
    public DosingWeightPolicy WeightPolicy { get; set; } = DosingWeightPolicy.AdjustedWhenBmiOver30;

    /// <summary>DOSE-ROUND: how a day's computed dose becomes the dose given (nearest 5 g by default [guideline: Ontario]).</summary>
    public DoseRoundingPolicy Rounding { get; set; } = DoseRoundingPolicy.Nearest5Grams;

    /// <summary>RXN-G1: the new rate is this fraction of the current rate [local default factor].</summary>
    public decimal Grade1SlowFactor { get; set; } = 0.5m;

    /// <summary>RXN-G2: after the pause, resume at this fraction of the last tolerated rate [local default].</summary>
    public decimal Grade2ResumeFactor { get; set; } = 0.5m;

    /// <summary>PRE-PREMED: acetaminophen (paracetamol) 650–1000 mg PO [local default doses].</summary>
    public PremedicationOptions Acetaminophen { get; set; } = new()
    {
        Drug = "acetaminophen (paracetamol)",
        MinDoseMg = 650m,
        MaxDoseMg = 1000m,
        Route = "PO",
    };

    /// <summary>PRE-PREMED: diphenhydramine 25–50 mg PO/IV [local default doses].</summary>
    public PremedicationOptions Diphenhydramine { get; set; } = new()
    {
        Drug = "diphenhydramine",
        MinDoseMg = 25m,
        MaxDoseMg = 50m,
        Route = "PO/IV",
    };

    /// <summary>PRE-PREMED: premedication is given this many minutes before the infusion, at the earliest and latest.</summary>
    public int PremedicationMinMinutesBefore { get; set; } = 30;

    public int PremedicationMaxMinutesBefore { get; set; } = 60;

    /// <summary>PRE-HYDRATION: the check every regimen lists.</summary>
    public string HydrationCheck { get; set; } = "Check hydration status before every infusion; encourage fluids before, during and after.";

    // Plausible input ranges (rule catalogue section 7): anything outside is rejected as invalid input.
    public decimal MinWeightKg { get; set; } = 2m;
    public decimal MaxWeightKg { get; set; } = 400m;
    public decimal MinHeightCm { get; set; } = 40m;
    public decimal MaxHeightCm { get; set; } = 250m;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, FormattableString message)
        {
            if (!ok)
            {
                errors.Add(SectionName + ":" + Text.Invariant(message));
            }
        }

        Check(Enum.IsDefined(WeightPolicy), $"{nameof(WeightPolicy)} '{WeightPolicy}' is not a known policy");
        Check(Enum.IsDefined(Rounding), $"{nameof(Rounding)} '{Rounding}' is not a known rounding policy");
        Check(Grade1SlowFactor is > 0 and < 1, $"{nameof(Grade1SlowFactor)} {Grade1SlowFactor} must be above 0 and below 1");
        Check(Grade2ResumeFactor is > 0 and <= 1, $"{nameof(Grade2ResumeFactor)} {Grade2ResumeFactor} must be above 0 and at most 1");
        ValidatePremedication(nameof(Acetaminophen), Acetaminophen, Check);
        ValidatePremedication(nameof(Diphenhydramine), Diphenhydramine, Check);
        Check(
            PremedicationMinMinutesBefore >= 0 && PremedicationMinMinutesBefore <= PremedicationMaxMinutesBefore,
            $"{nameof(PremedicationMinMinutesBefore)} {PremedicationMinMinutesBefore} must be at least 0 and at most {nameof(PremedicationMaxMinutesBefore)} {PremedicationMaxMinutesBefore}");
        Check(!string.IsNullOrWhiteSpace(HydrationCheck), $"{nameof(HydrationCheck)} must not be empty");
        Check(MinWeightKg > 0 && MinWeightKg < MaxWeightKg, $"{nameof(MinWeightKg)} {MinWeightKg} must be above 0 and below {nameof(MaxWeightKg)} {MaxWeightKg}");
        Check(MinHeightCm > 0 && MinHeightCm < MaxHeightCm, $"{nameof(MinHeightCm)} {MinHeightCm} must be above 0 and below {nameof(MaxHeightCm)} {MaxHeightCm}");
        return errors;
    }

    private static void ValidatePremedication(string name, PremedicationOptions? drug, Action<bool, FormattableString> check)
    {
        check(drug is not null, $"{name} is missing");
        if (drug is null)
        {
            return;
        }

        check(!string.IsNullOrWhiteSpace(drug.Drug), $"{name}:{nameof(drug.Drug)} must not be empty");
        check(!string.IsNullOrWhiteSpace(drug.Route), $"{name}:{nameof(drug.Route)} must not be empty");
        check(
            drug.MinDoseMg > 0 && drug.MinDoseMg <= drug.MaxDoseMg,
            $"{name}:{nameof(drug.MinDoseMg)} {drug.MinDoseMg} must be above 0 and at most {nameof(drug.MaxDoseMg)} {drug.MaxDoseMg}");
    }
}
