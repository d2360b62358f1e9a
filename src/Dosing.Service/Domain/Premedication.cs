namespace Ivig.Dosing.Domain;

/// <summary>A premedication a regimen lists (PRE-PREMED).</summary>
public sealed record Premedication(
    string Drug,
    decimal MinDoseMg,
    decimal MaxDoseMg,
    string Route,
    int MinMinutesBefore,
    int MaxMinutesBefore)
{
    public string RuleId => RuleIds.PrePremed;

    public string Text => Domain.Text.Invariant(
        $"{Drug} {MinDoseMg}–{MaxDoseMg} mg {Route}, {MinMinutesBefore}–{MaxMinutesBefore} min before the infusion");

    public static IReadOnlyList<Premedication> FromOptions(DosingPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [From(options.Acetaminophen), From(options.Diphenhydramine)];

        Premedication From(PremedicationOptions drug) => new(
            drug.Drug,
            drug.MinDoseMg,
            drug.MaxDoseMg,
            drug.Route,
            options.PremedicationMinMinutesBefore,
            options.PremedicationMaxMinutesBefore);
    }
}
