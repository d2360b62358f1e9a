namespace Ivig.Dosing.Domain;

/// <summary>DOSE-CAP as applied to a regimen.</summary>
/// <param name="Required">Renal or thrombosis risk: the rate never goes above the cap.</param>
/// <param name="CapMgPerKgMin">The product's at-risk cap.</param>
/// <param name="CapMlPerHour">The cap as a pump rate for this patient.</param>
/// <param name="LadderChanged">True when steps were lowered to the cap or removed.</param>
public sealed record AtRiskCap(bool Required, decimal CapMgPerKgMin, decimal CapMlPerHour, bool LadderChanged)
{
    public string RuleId => RuleIds.DoseCap;
}
