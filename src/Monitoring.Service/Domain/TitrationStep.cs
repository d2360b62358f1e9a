namespace Ivig.Monitoring.Domain;

/// <summary>
/// One rung of the titration ladder planned by Dosing. <paramref name="DurationMinutes"/> is how long the
/// step must run before the next one may start; null only for the last step (it runs to the end).
/// </summary>
public sealed record TitrationStep(decimal RateMgPerKgMin, decimal RateMlPerHour, int? DurationMinutes);
