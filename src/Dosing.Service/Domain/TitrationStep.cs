namespace Ivig.Dosing.Domain;

/// <summary>One step of a product's titration ladder.</summary>
/// <param name="RateMgPerKgMin">Infusion rate in mg per kg of dosing weight per minute.</param>
/// <param name="Minutes">How long the step runs before the next one; null on the last step, which is held.</param>
public sealed record TitrationStep(decimal RateMgPerKgMin, int? Minutes);
