using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.Policy;
using Microsoft.Extensions.Configuration;

namespace Ivig.Dosing.Tests.Features;

/// <summary>Dosing:Policy is read and validated at start-up: a bad value stops the service with every problem named.</summary>
public class DosingPolicyProviderTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void The_shipped_appsettings_state_every_value_and_equal_the_catalogue_defaults()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
        var section = configuration.GetSection(DosingPolicyOptions.SectionName);

        var loaded = DosingPolicyProvider.Load(configuration);

        var defaults = new DosingPolicyOptions();
        Assert.Equal(
            (defaults.WeightPolicy, defaults.Rounding, defaults.Grade1SlowFactor, defaults.Grade2ResumeFactor, defaults.HydrationCheck),
            (loaded.WeightPolicy, loaded.Rounding, loaded.Grade1SlowFactor, loaded.Grade2ResumeFactor, loaded.HydrationCheck));
        Assert.Equal((defaults.MinWeightKg, defaults.MaxWeightKg, defaults.MinHeightCm, defaults.MaxHeightCm), (loaded.MinWeightKg, loaded.MaxWeightKg, loaded.MinHeightCm, loaded.MaxHeightCm));
        Assert.Equal((defaults.PremedicationMinMinutesBefore, defaults.PremedicationMaxMinutesBefore), (loaded.PremedicationMinMinutesBefore, loaded.PremedicationMaxMinutesBefore));
        foreach (var (name, expected, actual) in new[] { ("Acetaminophen", defaults.Acetaminophen, loaded.Acetaminophen), ("Diphenhydramine", defaults.Diphenhydramine, loaded.Diphenhydramine) })
        {
            Assert.Equal((expected.Drug, expected.MinDoseMg, expected.MaxDoseMg, expected.Route), (actual.Drug, actual.MinDoseMg, actual.MaxDoseMg, actual.Route));
            Assert.All(new[] { "Drug", "MinDoseMg", "MaxDoseMg", "Route" }, key => Assert.NotNull(section[$"{name}:{key}"]));
        }

        // Every setting is written out explicitly, so a hospital reviews each one rather than inheriting it.
        foreach (var property in typeof(DosingPolicyOptions).GetProperties().Where(p => p.CanWrite))
        {
            Assert.True(section.GetSection(property.Name).Exists(), $"appsettings.json does not state {DosingPolicyOptions.SectionName}:{property.Name}");
        }

        Assert.Equal("Data/products.v1.json", configuration["Dosing:CatalogueFile"]);
    }

    [Fact]
    public void A_missing_section_stops_the_service()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DosingPolicyProvider.Load(Config()));

        Assert.Contains("'Dosing:Policy' is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_stops_the_service()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DosingPolicyProvider.Load(Config(("Dosing:Policy:Grade1SlowFactr", "0.25"))));

        Assert.Contains("Grade1SlowFactr", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_values_are_all_listed()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DosingPolicyProvider.Load(Config(
            ("Dosing:Policy:Grade1SlowFactor", "1.5"),
            ("Dosing:Policy:MinWeightKg", "500"))));

        Assert.Contains("Grade1SlowFactor 1.5 must be above 0 and below 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MinWeightKg 500", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_policy_name_stops_the_service()
    {
        Assert.Throws<InvalidOperationException>(() => DosingPolicyProvider.Load(Config(("Dosing:Policy:Rounding", "Nearest10Grams"))));
    }

    [Fact]
    public void Values_are_read_from_configuration()
    {
        var options = DosingPolicyProvider.Load(Config(
            ("Dosing:Policy:WeightPolicy", "AdjustedWhenEligible"),
            ("Dosing:Policy:Rounding", "WholeVials"),
            ("Dosing:Policy:Grade1SlowFactor", "0.25")));

        Assert.Equal((DosingWeightPolicy.AdjustedWhenEligible, DoseRoundingPolicy.WholeVials, 0.25m), (options.WeightPolicy, options.Rounding, options.Grade1SlowFactor));
    }
}
