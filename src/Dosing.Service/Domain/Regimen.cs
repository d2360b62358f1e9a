namespace Ivig.Dosing.Domain;

/// <summary>A planned IVIG regimen: everything section 5 says a regimen lists. Volumes to 0.1 mL, pump rates rounded down to 0.1 mL/h.</summary>
public sealed record Regimen
{
    public required string ProductId { get; init; }
    public required string ProductName { get; init; }
    public required Indication Indication { get; init; }
    public required DosingWeight DosingWeight { get; init; }

    /// <summary>The rule's (or prescriber's) dose in g/kg for each infusion day.</summary>
    public required decimal DoseGramsPerKgPerDay { get; init; }

    /// <summary>Dosing weight × g/kg, before DOSE-ROUND.</summary>
    public required decimal ComputedGramsPerDay { get; init; }

    /// <summary>The dose given on each infusion day, after DOSE-ROUND and the 1 g/kg/day ceiling.</summary>
    public required decimal RoundedGramsPerDay { get; init; }

    public required DoseRoundingPolicy Rounding { get; init; }

    /// <summary>Vials dispensed each infusion day; their total may exceed <see cref="RoundedGramsPerDay"/> (the rest is not given).</summary>
    public required VialSelection VialsPerDay { get; init; }

    /// <summary>Volume of <see cref="RoundedGramsPerDay"/> at the product's concentration.</summary>
    public required decimal VolumeMlPerDay { get; init; }

    /// <summary>Infusion days in one course (one cycle for relapse prevention).</summary>
    public required int Days { get; init; }

    public required decimal TotalGramsPerCourse { get; init; }

    /// <summary>The course total in g/kg of dosing weight as prescribed (e.g. 2 g/kg for an acute relapse), for PRE-MENINGITIS and PRE-HEMOLYSIS.</summary>
    public required decimal TotalGramsPerKgPerCourse { get; init; }

    public required DoseSchedule Schedule { get; init; }
    public required IReadOnlyList<LadderStep> Ladder { get; init; }
    public required AtRiskCap AtRiskCap { get; init; }

    /// <summary>Minutes to give one day's volume following the ladder and holding its last step.</summary>
    public required int EstimatedInfusionMinutes { get; init; }

    public required IReadOnlyList<Premedication> Premedication { get; init; }

    /// <summary>PRE-HYDRATION.</summary>
    public required string HydrationCheck { get; init; }

    public required IReadOnlyList<string> RuleIds { get; init; }

    /// <summary>Why a number differs from the plain rule (ceiling, rounding fallback, vial excess, ignored input).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
