namespace Ivig.Dosing.Domain;

/// <summary>
/// The dosing numbers that a source fixes ([seed], [guideline], [label]), named by rule.
/// Hospital-protocol ([local default]) numbers are not here: they live in <see cref="DosingPolicyOptions"/>.
/// </summary>
public static class DosingGuideline
{
    // DOSE-WEIGHT [guideline: Ontario IG dose calculator; Devine formula].
    public const decimal IbwBaseMaleKg = 50m;
    public const decimal IbwBaseFemaleKg = 45.5m;
    public const decimal IbwKgPerInchOver60 = 2.3m;
    public const decimal InchesPerCm = 0.3937m;
    public const decimal IbwBaseHeightInches = 60m;
    public const decimal AdjustedWeightFactor = 0.4m;
    public const decimal AdjustedWeightMandatoryAboveBmi = 30m;
    /// <summary>Ontario's full rule: adjusted weight for adults at least this tall (60 in) and heavier than the IBW base.</summary>
    public const decimal AdjustedWeightEligibleMinHeightCm = 152.4m;

    // DOSE-ACUTE [seed]; the daily ceiling is [guideline: Ontario] and applies to every regimen.
    public const decimal AcuteGramsPerKgPerDay = 0.4m;
    public const int AcuteDays = 5;
    public const decimal MaxGramsPerKgPerDay = 1m;

    // DOSE-MAINT [seed] default; allowed range [guideline: Ontario; Fazekas 1997].
    public const decimal MaintenanceDefaultGramsPerKg = 0.4m;
    public const int MaintenanceDefaultIntervalWeeks = 4;
    public const decimal MaintenanceMinGramsPerKg = 0.15m;
    public const decimal MaintenanceMaxGramsPerKg = 1m;
    public const int MaintenanceMinIntervalWeeks = 4;
    public const int MaintenanceMaxIntervalWeeks = 6;

    // DOSE-POSTPARTUM [Achiron 2004].
    public const decimal PostpartumGramsPerKgPerDay = 0.4m;
    public const int PostpartumFirstWeekDays = 5;
    public static IReadOnlyList<int> PostpartumBoosterWeeks { get; } = [6, 12];

    // DOSE-ROUND [guideline: Ontario].
    public const decimal RoundingIncrementGrams = 5m;
}
