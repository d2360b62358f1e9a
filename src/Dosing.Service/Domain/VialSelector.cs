namespace Ivig.Dosing.Domain;

/// <summary>
/// DOSE-ROUND vial choice: whole vials adding up exactly to the dose with the fewest vials; if no exact sum exists,
/// the smallest sum above the dose (fewest vials for it). Works in integer tenths of a gram, so 0.5 g and 2.5 g vials are exact.
/// </summary>
public static class VialSelector
{
    /// <summary>Largest dose accepted; far above any daily IVIG dose, it bounds the search table.</summary>
    public const decimal MaxDoseGrams = 2000m;

    private const int Unreachable = int.MaxValue;

    public static VialSelection Select(decimal doseGrams, IReadOnlyCollection<decimal> vialSizesGrams)
    {
        var sizes = ToTenths(vialSizesGrams);
        CheckDose(doseGrams);
        if (doseGrams == 0)
        {
            return VialSelection.Empty;
        }

        // A vial sum is a whole number of tenths, so "at least the dose" is "at least the dose rounded up to a tenth".
        var target = (int)Math.Ceiling(doseGrams * 10m);
        // Filling with the smallest vial overshoots by less than one smallest vial, so a sum exists below this bound.
        var fewest = FewestVials(target + sizes[^1], sizes);
        for (var sum = target; sum < fewest.Length; sum++)
        {
            if (fewest[sum] != Unreachable)
            {
                return Build(sum, fewest, sizes, doseGrams);
            }
        }

        throw new InvalidOperationException("unreachable: a sum of the smallest vial always exists above the dose");
    }

    /// <summary>The largest whole-vial sum not above <paramref name="maxGrams"/> (fewest vials for it); null when even the smallest vial is too big.</summary>
    public static VialSelection? SelectNotAbove(decimal maxGrams, IReadOnlyCollection<decimal> vialSizesGrams)
    {
        var sizes = ToTenths(vialSizesGrams);
        CheckDose(maxGrams);
        var limit = (int)Math.Floor(maxGrams * 10m);
        var fewest = FewestVials(limit, sizes);
        for (var sum = limit; sum > 0; sum--)
        {
            if (fewest[sum] != Unreachable)
            {
                return Build(sum, fewest, sizes, maxGrams);
            }
        }

        return null;
    }

    /// <summary>fewest[s] = the fewest vials adding up to exactly s tenths (unbounded coin change).</summary>
    private static int[] FewestVials(int maxSum, int[] sizesDescending)
    {
        var fewest = new int[maxSum + 1];
        Array.Fill(fewest, Unreachable);
        fewest[0] = 0;
        for (var sum = 1; sum <= maxSum; sum++)
        {
            foreach (var size in sizesDescending)
            {
                if (size <= sum && fewest[sum - size] != Unreachable && fewest[sum - size] + 1 < fewest[sum])
                {
                    fewest[sum] = fewest[sum - size] + 1;
                }
            }
        }

        return fewest;
    }

    private static VialSelection Build(int sum, int[] fewest, int[] sizesDescending, decimal targetGrams)
    {
        var counts = new Dictionary<int, int>();
        var remaining = sum;
        while (remaining > 0)
        {
            // Largest vial first among the optimal choices: deterministic, and fewer distinct sizes to pick.
            var size = sizesDescending.First(s => s <= remaining && fewest[remaining - s] == fewest[remaining] - 1);
            counts[size] = counts.GetValueOrDefault(size) + 1;
            remaining -= size;
        }

        var vials = counts.OrderByDescending(c => c.Key).Select(c => new VialCount(c.Key / 10m, c.Value)).ToList();
        return new VialSelection(vials, sum / 10m, targetGrams);
    }

    private static int[] ToTenths(IReadOnlyCollection<decimal> vialSizesGrams)
    {
        ArgumentNullException.ThrowIfNull(vialSizesGrams);
        if (vialSizesGrams.Count == 0)
        {
            throw new ArgumentException("at least one vial size is needed", nameof(vialSizesGrams));
        }

        foreach (var size in vialSizesGrams)
        {
            if (size <= 0 || decimal.Truncate(size * 10m) != size * 10m || size > MaxDoseGrams)
            {
                throw new ArgumentException(Text.Invariant($"vial size {size} g must be a positive whole number of tenths of a gram"), nameof(vialSizesGrams));
            }
        }

        return [.. vialSizesGrams.Select(s => (int)(s * 10m)).Distinct().OrderDescending()];
    }

    private static void CheckDose(decimal grams)
    {
        if (grams is < 0 or > MaxDoseGrams)
        {
            throw new ArgumentOutOfRangeException(nameof(grams), grams, Text.Invariant($"the dose must be between 0 and {MaxDoseGrams} g"));
        }
    }
}
