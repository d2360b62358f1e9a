using Ivig.Dosing.Domain;
using Xunit;

namespace Ivig.Dosing.Tests.Domain;

public class InfusionMathTests
{
    [Fact]
    public void Half_mg_per_kg_min_for_70_kg_at_10_percent_is_21_ml_per_hour()
    {
        Assert.Equal(21m, InfusionMath.MlPerHour(0.5m, 70m, 10m));
    }

    [Fact]
    public void A_5_percent_product_needs_twice_the_volume_rate()
    {
        Assert.Equal(42m, InfusionMath.MlPerHour(0.5m, 70m, 5m));
    }

    [Fact]
    public void Pump_rate_is_rounded_down_to_a_tenth()
    {
        // 2 × 74.1 × 60 ÷ 100 = 88.92; 3.3 × 74.1 × 60 ÷ 100 = 146.718 (rounding to nearest would give 146.7 too, but never up)
        Assert.Equal(88.9m, InfusionMath.MlPerHour(2m, 74.1m, 10m));
        Assert.Equal(146.7m, InfusionMath.MlPerHour(3.3m, 74.1m, 10m));
        Assert.Equal(56.9m, InfusionMath.MlPerHour(1.6m, 59.3m, 10m)); // 56.928
    }

    [Theory]
    [InlineData("30", "10", "300")]
    [InlineData("30", "5", "600")]
    [InlineData("29.64", "10", "296.4")]
    public void Volume_is_grams_times_1000_over_mg_per_ml(string grams, string percent, string expectedMl)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(decimal.Parse(expectedMl, ci), InfusionMath.VolumeMl(decimal.Parse(grams, ci), decimal.Parse(percent, ci)));
    }

    [Fact]
    public void Duration_follows_the_ladder_and_holds_the_last_step()
    {
        // 21 mL/h × 30 min = 10.5 mL; 84 × 30 = 42; 168 × 30 = 84: 136.5 mL in 90 min; 143.5 mL left at 336 mL/h = 25.625 min.
        IReadOnlyList<LadderStep> ladder =
        [
            new(0, 30, 0.5m, 21m, false),
            new(30, 30, 2m, 84m, false),
            new(60, 30, 4m, 168m, false),
            new(90, null, 8m, 336m, false),
        ];

        Assert.Equal(116, InfusionMath.EstimateDurationMinutes(ladder, 280m));
    }

    [Fact]
    public void Duration_ends_inside_a_step_when_the_volume_runs_out_early()
    {
        IReadOnlyList<LadderStep> ladder = [new(0, 30, 0.5m, 21m, false), new(30, null, 2m, 84m, false)];

        Assert.Equal(20, InfusionMath.EstimateDurationMinutes(ladder, 7m)); // 7 mL at 0.35 mL/min
    }
}
