namespace Ivig.Monitoring.Domain;

/// <summary>One set of vital signs. Validate with <see cref="VitalsValidator"/> (section 7 plausible ranges).</summary>
public sealed record Vitals(
    decimal TemperatureC,
    int SystolicMmHg,
    int DiastolicMmHg,
    int HeartRatePerMin,
    int SpO2Percent,
    int RespiratoryRatePerMin,
    decimal? WeightKg = null);
