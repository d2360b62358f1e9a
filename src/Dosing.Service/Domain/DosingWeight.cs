namespace Ivig.Dosing.Domain;

/// <summary>The weight a regimen doses by, and why (DOSE-WEIGHT). Weights in kg rounded to 0.1, BMI to 0.1.</summary>
/// <param name="WeightKg">The dosing weight; every g/kg dose and mg/kg/min rate uses it.</param>
/// <param name="Basis">Actual or adjusted body weight.</param>
/// <param name="FromPrePregnancyWeight">True when the pre-pregnancy weight stood in for the actual weight.</param>
/// <param name="ReferenceWeightKg">The weight the formulas started from (actual, or pre-pregnancy in pregnancy).</param>
/// <param name="IdealBodyWeightKg">Devine ideal body weight.</param>
/// <param name="AdjustedBodyWeightKg">IBW + 0.4 × (reference − IBW), never above the reference weight.</param>
/// <param name="BodyMassIndex">BMI of the reference weight, kg/m².</param>
public sealed record DosingWeight(
    decimal WeightKg,
    DosingWeightBasis Basis,
    bool FromPrePregnancyWeight,
    decimal ReferenceWeightKg,
    decimal IdealBodyWeightKg,
    decimal AdjustedBodyWeightKg,
    decimal BodyMassIndex,
    DosingWeightPolicy Policy,
    string Explanation)
{
    public string RuleId => RuleIds.DoseWeight;
}
