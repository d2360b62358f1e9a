using Ivig.Dosing.Domain;
using Xunit;

namespace Ivig.Dosing.Tests.Domain;

public class VialSelectorTests
{
    private static readonly decimal[] Privigen = [5m, 10m, 20m, 40m];
    private static readonly decimal[] Gamunex = [1m, 2.5m, 5m, 10m, 20m, 40m];
    private static readonly decimal[] Octagam10 = [2m, 5m, 10m, 20m, 30m];
    private static readonly decimal[] Flebogamma5 = [0.5m, 2.5m, 5m, 10m, 20m];

    [Fact]
    public void Exact_sum_with_the_fewest_vials()
    {
        var selection = VialSelector.Select(45m, Privigen);

        Assert.True(selection.IsExact);
        Assert.Equal(45m, selection.TotalGrams);
        Assert.Equal(2, selection.VialCountTotal);
        Assert.Equal([new VialCount(40m, 1), new VialCount(5m, 1)], selection.Vials);
        Assert.Equal("DOSE-ROUND", selection.RuleId);
    }

    [Fact]
    public void Exact_sum_found_where_largest_first_greedy_fails()
    {
        // Greedy would take 5 g and then be stuck at 1 g; 3 × 2 g is exact.
        var selection = VialSelector.Select(6m, Octagam10);

        Assert.True(selection.IsExact);
        Assert.Equal([new VialCount(2m, 3)], selection.Vials);
    }

    [Fact]
    public void Fewest_vials_beats_greedy_order()
    {
        // 60 g from 2/5/10/20/30: 30 + 30 (2 vials), never 30 + 20 + 10 (3).
        var selection = VialSelector.Select(60m, Octagam10);

        Assert.Equal(2, selection.VialCountTotal);
        Assert.Equal([new VialCount(30m, 2)], selection.Vials);
    }

    [Fact]
    public void No_exact_sum_gives_the_smallest_sum_above()
    {
        var selection = VialSelector.Select(32m, [5m, 10m]);

        Assert.False(selection.IsExact);
        Assert.Equal(35m, selection.TotalGrams);
        Assert.Equal(3m, selection.ExcessGrams);
        Assert.Equal(4, selection.VialCountTotal);
    }

    [Fact]
    public void Smallest_sum_above_wins_over_fewer_vials()
    {
        // 11 g from 3 g and 10 g vials: 12 g (4 × 3) is the smallest sum above, although 13 g (10 + 3) takes only 2 vials.
        var selection = VialSelector.Select(11m, [3m, 10m]);

        Assert.Equal(12m, selection.TotalGrams);
        Assert.Equal([new VialCount(3m, 4)], selection.Vials);
    }

    [Fact]
    public void Two_and_a_half_gram_vials_are_exact_in_tenths()
    {
        var selection = VialSelector.Select(7.5m, Gamunex);

        Assert.True(selection.IsExact);
        Assert.Equal([new VialCount(5m, 1), new VialCount(2.5m, 1)], selection.Vials);
    }

    [Fact]
    public void Half_gram_vials_are_exact_in_tenths()
    {
        var selection = VialSelector.Select(20.5m, Flebogamma5);

        Assert.True(selection.IsExact);
        Assert.Equal([new VialCount(20m, 1), new VialCount(0.5m, 1)], selection.Vials);
    }

    [Fact]
    public void A_dose_in_hundredths_rounds_up_to_the_next_reachable_tenth()
    {
        var selection = VialSelector.Select(29.64m, Gamunex);

        Assert.Equal(30m, selection.TotalGrams);
        Assert.Equal(29.64m, selection.TargetGrams);
        Assert.Equal(0.36m, selection.ExcessGrams);
    }

    [Fact]
    public void Zero_dose_needs_no_vials()
    {
        var selection = VialSelector.Select(0m, Privigen);

        Assert.Empty(selection.Vials);
        Assert.Equal(0m, selection.TotalGrams);
    }

    [Fact]
    public void Not_above_gives_the_largest_reachable_sum_under_a_limit()
    {
        var selection = VialSelector.SelectNotAbove(63m, Privigen);

        Assert.NotNull(selection);
        Assert.Equal(60m, selection.TotalGrams);
        Assert.Equal(2, selection.VialCountTotal); // 40 + 20
    }

    [Fact]
    public void Not_above_is_null_when_the_smallest_vial_is_too_big()
    {
        Assert.Null(VialSelector.SelectNotAbove(4m, Privigen));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("2.55")]
    public void Vial_sizes_must_be_positive_tenths(string size)
    {
        decimal[] sizes = [decimal.Parse(size, System.Globalization.CultureInfo.InvariantCulture)];

        Assert.Throws<ArgumentException>(() => VialSelector.Select(10m, sizes));
    }

    [Fact]
    public void Negative_dose_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VialSelector.Select(-1m, Privigen));
    }

    [Fact]
    public void Agrees_with_brute_force_for_every_dose_up_to_200_g()
    {
        decimal[][] sizeSets = [Privigen, Gamunex, Octagam10, Flebogamma5, [1m, 2.5m, 5m, 10m, 25m], [5m, 10m], [5m]];
        foreach (var sizes in sizeSets)
        {
            var reachable = BruteForce(sizes, 2500);
            for (var tenths = 0; tenths <= 2000; tenths += 7)
            {
                var dose = tenths / 10m;
                var selection = VialSelector.Select(dose, sizes);
                var best = reachable.Where(kv => kv.Key >= tenths).MinBy(kv => kv.Key);

                Assert.Equal(best.Key / 10m, selection.TotalGrams);
                Assert.Equal(best.Value, selection.VialCountTotal);
                Assert.Equal(selection.TotalGrams, selection.Vials.Sum(v => v.SizeGrams * v.Count));
            }
        }
    }

    /// <summary>Every reachable sum (tenths) up to a bound, with the fewest vials for it, by breadth-first search.</summary>
    private static Dictionary<int, int> BruteForce(decimal[] sizes, int maxTenths)
    {
        var tenths = sizes.Select(s => (int)(s * 10)).ToArray();
        var fewest = new Dictionary<int, int> { [0] = 0 };
        var frontier = new List<int> { 0 };
        for (var count = 1; frontier.Count > 0; count++)
        {
            var next = new List<int>();
            foreach (var sum in frontier)
            {
                foreach (var size in tenths)
                {
                    var s = sum + size;
                    if (s <= maxTenths && fewest.TryAdd(s, count))
                    {
                        next.Add(s);
                    }
                }
            }

            frontier = next;
        }

        return fewest;
    }
}
