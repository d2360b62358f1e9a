using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class VitalsValidatorTests
{
    [Fact]
    public void Plausible_vitals_have_no_violations()
    {
        Assert.Empty(VitalsValidator.Validate(TestData.Baseline with { WeightKg = 70m }));
    }

    [Fact]
    public void Range_limits_are_inclusive()
    {
        Assert.Empty(VitalsValidator.Validate(new Vitals(30m, 300, 20, 20, 50, 4, 2m)));
        Assert.Empty(VitalsValidator.Validate(new Vitals(45m, 41, 40, 300, 100, 80, 400m)));
    }

    [Theory]
    [InlineData("temperatureCelsius", 29.9, 120, 80, 75, 98, 16, null)]
    [InlineData("temperatureCelsius", 45.1, 120, 80, 75, 98, 16, null)]
    [InlineData("systolicMmhg", 37.0, 39, 30, 75, 98, 16, null)]
    [InlineData("systolicMmhg", 37.0, 301, 80, 75, 98, 16, null)]
    [InlineData("diastolicMmhg", 37.0, 120, 19, 75, 98, 16, null)]
    [InlineData("diastolicMmhg", 37.0, 290, 201, 75, 98, 16, null)]
    [InlineData("heartRatePerMin", 37.0, 120, 80, 19, 98, 16, null)]
    [InlineData("heartRatePerMin", 37.0, 120, 80, 301, 98, 16, null)]
    [InlineData("spo2Percent", 37.0, 120, 80, 75, 49, 16, null)]
    [InlineData("spo2Percent", 37.0, 120, 80, 75, 101, 16, null)]
    [InlineData("respiratoryRatePerMin", 37.0, 120, 80, 75, 98, 3, null)]
    [InlineData("respiratoryRatePerMin", 37.0, 120, 80, 75, 98, 81, null)]
    [InlineData("weightKg", 37.0, 120, 80, 75, 98, 16, 1.9)]
    [InlineData("weightKg", 37.0, 120, 80, 75, 98, 16, 400.1)]
    public void Out_of_range_values_are_rejected_with_their_field(string field, double temp, int sys, int dia, int hr, int spo2, int rr, double? weight)
    {
        var vitals = new Vitals((decimal)temp, sys, dia, hr, spo2, rr, (decimal?)weight);
        var violation = Assert.Single(VitalsValidator.Validate(vitals));
        Assert.Equal(field, violation.Field);
    }

    [Theory]
    [InlineData(80, 80)]
    [InlineData(80, 90)]
    public void Diastolic_must_be_below_systolic(int systolic, int diastolic)
    {
        var violation = Assert.Single(VitalsValidator.Validate(TestData.Baseline with { SystolicMmHg = systolic, DiastolicMmHg = diastolic }));
        Assert.Equal("diastolicMmhg", violation.Field);
        Assert.Contains("below systolic", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(39.9, false)]
    [InlineData(40, true)]
    [InlineData(250, true)]
    [InlineData(250.1, false)]
    public void Height_range(double height, bool valid)
    {
        Assert.Equal(valid, VitalsValidator.ValidateHeight((decimal)height).Count == 0);
    }

    [Fact]
    public void RecordVitals_rejects_implausible_vitals_and_records_nothing()
    {
        var session = TestData.Start();
        var ex = Assert.Throws<DomainValidationException>(() =>
            session.RecordVitals(TestData.Baseline with { SpO2Percent = 120, HeartRatePerMin = 5 }, TestData.Evaluator, TestData.At(15)));
        Assert.Equal(["heartRatePerMin", "spo2Percent"], ex.Violations.Select(v => v.Field));
        Assert.Single(session.RecordedVitals);
        Assert.Equal(1, session.Version);
    }
}
