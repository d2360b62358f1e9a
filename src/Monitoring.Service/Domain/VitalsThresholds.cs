namespace Ivig.Monitoring.Domain;

/// <summary>
/// Section 7 thresholds and vitals schedule. Every default here is a [local default] of the catalogue:
/// a hospital must review them, and the host binds them from configuration (appsettings) so they can be
/// changed without a rebuild.
/// </summary>
public sealed class VitalsThresholds
{
    public const string SectionName = "Monitoring:VitalsThresholds";

    /// <summary>VIT-FEVER: temperature at or above this (°C) ...</summary>
    public decimal FeverTemperatureC { get; set; } = 38.0m;

    /// <summary>VIT-FEVER: ... and at least this much above baseline (°C).</summary>
    public decimal FeverRiseAboveBaselineC { get; set; } = 1.0m;

    /// <summary>VIT-HYPOTENSION: systolic below this (mmHg) ...</summary>
    public int HypotensionSystolicBelowMmHg { get; set; } = 90;

    /// <summary>VIT-HYPOTENSION: ... or a fall from baseline of at least this (mmHg).</summary>
    public int HypotensionSystolicFallMmHg { get; set; } = 30;

    /// <summary>VIT-HYPERTENSION: systolic at or above this (mmHg) ...</summary>
    public int HypertensionSystolicMmHg { get; set; } = 180;

    /// <summary>VIT-HYPERTENSION: ... or diastolic at or above this (mmHg).</summary>
    public int HypertensionDiastolicMmHg { get; set; } = 110;

    /// <summary>VIT-TACHY: heart rate above this (/min).</summary>
    public int TachycardiaAbovePerMin { get; set; } = 120;

    /// <summary>VIT-HYPOXIA: SpO2 below this (%).</summary>
    public int HypoxiaSpO2BelowPercent { get; set; } = 92;

    /// <summary>VIT-TACHYPNOEA: respiratory rate above this (/min).</summary>
    public int TachypnoeaAbovePerMin { get; set; } = 24;

    /// <summary>Length of the early phase with frequent vitals ("the first hour").</summary>
    public int EarlyPhaseMinutes { get; set; } = 60;

    /// <summary>Vitals interval during the early phase.</summary>
    public int EarlyPhaseIntervalMinutes { get; set; } = 15;

    /// <summary>Vitals interval after the early phase.</summary>
    public int LaterIntervalMinutes { get; set; } = 60;

    /// <summary>Grace after the due time before vitals count as overdue (VIT-OVERDUE).</summary>
    public int OverdueGraceMinutes { get; set; } = 5;

    /// <summary>Problems with the configured values; empty when valid. The host fails start-up otherwise.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FeverTemperatureC is < 30m or > 45m)
        {
            errors.Add($"{nameof(FeverTemperatureC)} must be within the plausible range 30-45 °C.");
        }

        if (FeverRiseAboveBaselineC < 0m)
        {
            errors.Add($"{nameof(FeverRiseAboveBaselineC)} must not be negative.");
        }

        if (HypotensionSystolicBelowMmHg is < 40 or > 300)
        {
            errors.Add($"{nameof(HypotensionSystolicBelowMmHg)} must be within 40-300 mmHg.");
        }

        if (HypotensionSystolicFallMmHg <= 0)
        {
            errors.Add($"{nameof(HypotensionSystolicFallMmHg)} must be positive.");
        }

        if (HypertensionSystolicMmHg is < 40 or > 300 || HypertensionSystolicMmHg <= HypotensionSystolicBelowMmHg)
        {
            errors.Add($"{nameof(HypertensionSystolicMmHg)} must be within 40-300 mmHg and above the hypotension threshold.");
        }

        if (HypertensionDiastolicMmHg is < 20 or > 200)
        {
            errors.Add($"{nameof(HypertensionDiastolicMmHg)} must be within 20-200 mmHg.");
        }

        if (TachycardiaAbovePerMin is < 20 or > 300)
        {
            errors.Add($"{nameof(TachycardiaAbovePerMin)} must be within 20-300 /min.");
        }

        if (HypoxiaSpO2BelowPercent is < 50 or > 100)
        {
            errors.Add($"{nameof(HypoxiaSpO2BelowPercent)} must be within 50-100 %.");
        }

        if (TachypnoeaAbovePerMin is < 4 or > 80)
        {
            errors.Add($"{nameof(TachypnoeaAbovePerMin)} must be within 4-80 /min.");
        }

        if (EarlyPhaseMinutes < 0)
        {
            errors.Add($"{nameof(EarlyPhaseMinutes)} must not be negative.");
        }

        if (EarlyPhaseIntervalMinutes <= 0)
        {
            errors.Add($"{nameof(EarlyPhaseIntervalMinutes)} must be positive.");
        }

        if (LaterIntervalMinutes <= 0)
        {
            errors.Add($"{nameof(LaterIntervalMinutes)} must be positive.");
        }

        if (OverdueGraceMinutes < 0)
        {
            errors.Add($"{nameof(OverdueGraceMinutes)} must not be negative.");
        }

        return errors;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid vitals thresholds: " + string.Join(" ", errors));
        }
    }
}
