namespace Ivig.Dosing.Domain;

/// <summary><paramref name="Count"/> vials of <paramref name="SizeGrams"/> g.</summary>
public sealed record VialCount(decimal SizeGrams, int Count);
