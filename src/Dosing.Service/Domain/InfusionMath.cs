namespace Ivig.Dosing.Domain;

/// <summary>Unit conversions of rule catalogue section 4, and the duration estimate.</summary>
public static class InfusionMath
{
    /// <summary>
    /// mL/h = mg/kg/min × kg × 60 ÷ concentration (mg/mL; 10% = 100 mg/mL).
    /// Rounded down to 0.1 mL/h so a programmed pump rate never exceeds the mg/kg/min it stands for.
    /// </summary>
    public static decimal MlPerHour(decimal rateMgPerKgMin, decimal weightKg, decimal concentrationPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rateMgPerKgMin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightKg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concentrationPercent);
        var mlPerHour = rateMgPerKgMin * weightKg * 60m / (concentrationPercent * 10m);
        return Math.Floor(mlPerHour * 10m) / 10m;
    }

    /// <summary>Volume (mL) = grams × 1000 ÷ concentration (mg/mL), to 0.1 mL.</summary>
    public static decimal VolumeMl(decimal grams, decimal concentrationPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(grams);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concentrationPercent);
        return Math.Round(grams * 1000m / (concentrationPercent * 10m), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Minutes (rounded up) to give <paramref name="volumeMl"/> following the ladder and holding its last step.</summary>
    public static int EstimateDurationMinutes(IReadOnlyList<LadderStep> ladder, decimal volumeMl)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentOutOfRangeException.ThrowIfNegative(volumeMl);
        if (ladder.Count == 0)
        {
            throw new ArgumentException("the ladder is empty", nameof(ladder));
        }

        var remaining = volumeMl;
        var minutes = 0m;
        foreach (var step in ladder)
        {
            if (remaining <= 0)
            {
                break;
            }

            var mlPerMinute = step.RateMlPerHour / 60m;
            var stepVolume = step.Minutes is { } m ? mlPerMinute * m : decimal.MaxValue;
            if (remaining <= stepVolume)
            {
                if (mlPerMinute == 0)
                {
                    throw new ArgumentException("a ladder step that must give volume has a rate of 0 mL/h", nameof(ladder));
                }

                minutes += remaining / mlPerMinute;
                remaining = 0;
            }
            else
            {
                minutes += step.Minutes!.Value;
                remaining -= stepVolume;
            }
        }

        if (remaining > 0)
        {
            throw new ArgumentException("the ladder's last step has a duration, so it cannot be held until the dose is given", nameof(ladder));
        }

        return (int)Math.Ceiling(minutes);
    }
}
