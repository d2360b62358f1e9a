namespace Ivig.Dosing.Domain;

/// <summary>How a day's computed dose becomes the dose given (DOSE-ROUND).</summary>
public enum DoseRoundingPolicy
{
    /// <summary>Round to the nearest 5 g (the guideline increment), then dispense whole vials for it.</summary>
    Nearest5Grams,

    /// <summary>Give the whole vials chosen for the computed dose (exact sum, else the smallest sum above).</summary>
    WholeVials,

    /// <summary>Give the computed dose as is; vials are still listed for dispensing.</summary>
    None,
}
