namespace Ivig.Dosing.Domain;

/// <summary>The whole vials dispensed for a dose (DOSE-ROUND), largest size first.</summary>
/// <param name="TargetGrams">The dose the vials were chosen for.</param>
public sealed record VialSelection(IReadOnlyList<VialCount> Vials, decimal TotalGrams, decimal TargetGrams)
{
    public static VialSelection Empty { get; } = new([], 0m, 0m);

    public int VialCountTotal => Vials.Sum(v => v.Count);

    /// <summary>True when the vials add up to the target exactly.</summary>
    public bool IsExact => TotalGrams == TargetGrams;

    /// <summary>Grams dispensed beyond the target (the part of the last vial not given).</summary>
    public decimal ExcessGrams => TotalGrams - TargetGrams;

    public string RuleId => RuleIds.DoseRound;

    public override string ToString() =>
        string.Join(" + ", Vials.Select(v => Text.Invariant($"{v.Count} × {v.SizeGrams} g"))) + Text.Invariant($" = {TotalGrams} g");
}
