using System.Reflection;
using System.Text.Json;
using Ivig.Eligibility.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ivig.Eligibility.Tests.Configuration;

public class ThresholdsConfigurationTests
{
    private static IEnumerable<PropertyInfo> ThresholdProperties() =>
        typeof(EligibilityThresholds).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddEligibilityThresholds();
        return builder.Build();
    }

    [Fact]
    public void Appsettings_writes_out_every_threshold_with_the_catalogue_value()
    {
        // The service's appsettings.json, copied beside the tests: a hospital sees every [local default] it must review.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        var section = json.RootElement.GetProperty("Eligibility").GetProperty("Thresholds");
        var defaults = new EligibilityThresholds();

        foreach (var property in ThresholdProperties())
        {
            Assert.True(section.TryGetProperty(property.Name, out var value), $"appsettings.json lacks Eligibility:Thresholds:{property.Name}.");
            Assert.Equal(Convert.ToDouble(property.GetValue(defaults), System.Globalization.CultureInfo.InvariantCulture), value.GetDouble());
        }

        Assert.Equal(ThresholdProperties().Count(), section.EnumerateObject().Count());
    }

    [Fact]
    public async Task Configured_thresholds_are_bound()
    {
        using var host = Host(new() { ["Eligibility:Thresholds:EgfrBelowMlPerMin"] = "45" });
        await host.StartAsync();

        Assert.Equal(45, host.Services.GetRequiredService<IOptions<EligibilityThresholds>>().Value.EgfrBelowMlPerMin);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_implausible_threshold_stops_the_start_naming_the_key()
    {
        using var host = Host(new()
        {
            ["Eligibility:Thresholds:EgfrBelowMlPerMin"] = "0",
            ["Eligibility:Thresholds:PremedLeadMinMinutes"] = "90",
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Eligibility:Thresholds:EgfrBelowMlPerMin", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Eligibility:Thresholds:PremedLeadMinMinutes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_threshold_key_stops_the_start_rather_than_falling_back_to_a_default()
    {
        using var host = Host(new() { ["Eligibility:Thresholds:EgfrBelow"] = "45" });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("EgfrBelow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_numeric_threshold_stops_the_start()
    {
        using var host = Host(new() { ["Eligibility:Thresholds:CreatinineRecencyDays"] = "thirty" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
    }
}
