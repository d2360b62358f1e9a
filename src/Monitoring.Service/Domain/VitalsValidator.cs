namespace Ivig.Monitoring.Domain;

/// <summary>
/// Section 7 plausible ranges (inclusive). Anything outside is rejected as invalid input, never
/// evaluated: an implausible value is a typing or device error, not a finding.
/// </summary>
public static class VitalsValidator
{
    public const string TemperatureField = "temperatureCelsius";
    public const string SystolicField = "systolicMmhg";
    public const string DiastolicField = "diastolicMmhg";
    public const string HeartRateField = "heartRatePerMin";
    public const string SpO2Field = "spo2Percent";
    public const string RespiratoryRateField = "respiratoryRatePerMin";
    public const string WeightField = "weightKg";
    public const string HeightField = "heightCm";

    public static IReadOnlyList<FieldViolation> Validate(Vitals vitals)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        var violations = new List<FieldViolation>();
        CheckRange(violations, TemperatureField, vitals.TemperatureC, 30m, 45m, "°C");
        CheckRange(violations, SystolicField, vitals.SystolicMmHg, 40m, 300m, "mmHg");
        CheckRange(violations, DiastolicField, vitals.DiastolicMmHg, 20m, 200m, "mmHg");
        if (vitals.DiastolicMmHg >= vitals.SystolicMmHg)
        {
            violations.Add(new FieldViolation(DiastolicField, "must be below systolic"));
        }

        CheckRange(violations, HeartRateField, vitals.HeartRatePerMin, 20m, 300m, "/min");
        CheckRange(violations, SpO2Field, vitals.SpO2Percent, 50m, 100m, "%");
        CheckRange(violations, RespiratoryRateField, vitals.RespiratoryRatePerMin, 4m, 80m, "/min");
        if (vitals.WeightKg is { } weight)
        {
            CheckRange(violations, WeightField, weight, 2m, 400m, "kg");
        }

        return violations;
    }

    /// <summary>Weight range of section 7, also used for the dosing weight.</summary>
    public static IReadOnlyList<FieldViolation> ValidateWeight(decimal weightKg, string field = WeightField)
    {
        var violations = new List<FieldViolation>();
        CheckRange(violations, field, weightKg, 2m, 400m, "kg");
        return violations;
    }

    /// <summary>Height range of section 7 (height is not part of <see cref="Vitals"/>).</summary>
    public static IReadOnlyList<FieldViolation> ValidateHeight(decimal heightCm, string field = HeightField)
    {
        var violations = new List<FieldViolation>();
        CheckRange(violations, field, heightCm, 40m, 250m, "cm");
        return violations;
    }

    private static void CheckRange(List<FieldViolation> violations, string field, decimal value, decimal min, decimal max, string unit)
    {
        if (value < min || value > max)
        {
            violations.Add(new FieldViolation(field, $"must be between {min} and {max} {unit}"));
        }
    }
}
