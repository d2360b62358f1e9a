namespace Ivig.Dosing.Domain;

/// <summary>What DOSE-WEIGHT needs to know about the patient.</summary>
/// <param name="PrePregnancyWeightKg">Used instead of the actual weight when <paramref name="Pregnant"/> is true.</param>
public sealed record DosingWeightInput(
    Sex Sex,
    decimal HeightCm,
    decimal ActualWeightKg,
    decimal? PrePregnancyWeightKg = null,
    bool Pregnant = false);
