namespace Ivig.Dosing.Domain;

/// <summary>
/// Limits a patient puts on the product choice: the IgA ceiling (PRE-IGA) and the stabilizers to avoid
/// (PRE-FRUCTOSE: sorbitol, PRE-PROLINE: proline). Both come from the eligibility decision.
/// </summary>
public sealed record ProductConstraints
{
    public static ProductConstraints None { get; } = new();

    /// <summary>Highest IgA content allowed in µg/mL; null when IgA does not matter.</summary>
    public decimal? MaxIgaMicrogramsPerMl { get; init; }

    /// <summary>Stabilizer names to exclude, compared case-insensitively.</summary>
    public IReadOnlyCollection<string> ExcludedStabilizers { get; init; } = [];

    /// <summary>Every reason this product is refused under these constraints; empty when it is allowed.</summary>
    public IReadOnlyList<ProductRefusal> Check(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var refusals = new List<ProductRefusal>();
        if (MaxIgaMicrogramsPerMl is { } maxIga && product.IgaMaxMicrogramsPerMl > maxIga)
        {
            refusals.Add(new ProductRefusal(
                ProductRefusalReason.IgaAboveLimit,
                Text.Invariant($"{product.Name}: IgA up to {product.IgaMaxMicrogramsPerMl} µg/mL is above the {maxIga} µg/mL allowed")));
        }

        if (ExcludedStabilizers.Any(s => string.Equals(s.Trim(), product.Stabilizer, StringComparison.OrdinalIgnoreCase)))
        {
            refusals.Add(new ProductRefusal(
                ProductRefusalReason.StabilizerExcluded,
                $"{product.Name}: stabilizer '{product.Stabilizer}' is excluded for this patient"));
        }

        return refusals;
    }
}
