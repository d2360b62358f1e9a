namespace Ivig.Eligibility.Domain;

/// <summary>
/// Stabilizer names used in <see cref="ProductConstraints.ExcludedStabilizers"/>. A product is excluded when
/// its stabilizer contains the name, case-insensitively ("D-sorbitol" contains "sorbitol").
/// </summary>
public static class Stabilizers
{
    /// <summary>Excluded by PRE-FRUCTOSE.</summary>
    public const string Sorbitol = "sorbitol";

    /// <summary>Excluded by PRE-PROLINE.</summary>
    public const string Proline = "proline";
}
