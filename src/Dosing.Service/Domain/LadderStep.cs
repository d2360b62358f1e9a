namespace Ivig.Dosing.Domain;

/// <summary>One step of a regimen's titration ladder, for this patient.</summary>
/// <param name="StartMinute">Minutes from the start of the infusion.</param>
/// <param name="Minutes">How long the step runs; null on the last step, which is held until the dose is given.</param>
/// <param name="RateMlPerHour">Pump rate for the dosing weight and product concentration, rounded down to 0.1 mL/h.</param>
/// <param name="ClippedToCap">True when the product's step was above the at-risk cap and was lowered to it (DOSE-CAP).</param>
public sealed record LadderStep(int StartMinute, int? Minutes, decimal RateMgPerKgMin, decimal RateMlPerHour, bool ClippedToCap);
