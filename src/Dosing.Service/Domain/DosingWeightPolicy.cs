namespace Ivig.Dosing.Domain;

/// <summary>Which weight DOSE-WEIGHT doses by; configuration, not a prescriber's choice.</summary>
public enum DosingWeightPolicy
{
    /// <summary>Adjusted weight when BMI &gt; 30 (mandatory there), actual weight otherwise.</summary>
    AdjustedWhenBmiOver30,

    /// <summary>Ontario's full rule: adjusted weight when BMI &gt; 30, or height ≥ 152.4 cm and weight above the IBW base.</summary>
    AdjustedWhenEligible,

    /// <summary>Always the actual weight.</summary>
    Actual,
}
