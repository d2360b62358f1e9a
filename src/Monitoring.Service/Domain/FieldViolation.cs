namespace Ivig.Monitoring.Domain;

/// <summary>
/// One invalid input field. <paramref name="Field"/> is the camelCase (proto3 JSON) name of the request field,
/// e.g. "spo2Percent" or "baselineVitals.temperatureCelsius".
/// </summary>
public sealed record FieldViolation(string Field, string Description);
