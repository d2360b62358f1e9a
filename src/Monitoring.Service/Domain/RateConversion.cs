namespace Ivig.Monitoring.Domain;

/// <summary>Section 4 conversion: mL/h = mg/kg/min × kg × 60 ÷ concentration (mg/mL).</summary>
public static class RateConversion
{
    /// <summary>
    /// Pump rate in mL/h, truncated to 0.1 mL/h: truncation (not rounding) so the pump never delivers
    /// more than the ordered mg/kg/min.
    /// </summary>
    public static decimal ToMlPerHour(decimal rateMgPerKgMin, decimal dosingWeightKg, decimal concentrationMgPerMl)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concentrationMgPerMl);
        var exact = rateMgPerKgMin * dosingWeightKg * 60m / concentrationMgPerMl;
        return Math.Round(exact, 1, MidpointRounding.ToZero);
    }
}
