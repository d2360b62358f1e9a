using Ivig.Eligibility.Domain;

namespace Ivig.Eligibility.Grpc;

/// <summary>
/// The domain reports missing facts by its own camelCase names (<see cref="FactNames"/>); callers know the
/// contract's field names. This is the one table between the two, so <c>missing_facts</c> names a field the
/// caller can actually set.
/// </summary>
internal static partial class FactFieldNames
{
    private static readonly Dictionary<string, string> ToProtoNames = new(StringComparer.Ordinal)
    {
        [FactNames.Phenotype] = "phenotype",
        [FactNames.Purpose] = "purpose",
        [FactNames.PregnancyState] = "pregnancy_state",
        [FactNames.DeliveryDate] = "delivery_date",
        [FactNames.CorticosteroidsGiven] = "corticosteroids_given",
        [FactNames.CorticosteroidResponse] = "corticosteroid_response",
        [FactNames.PlasmaExchange] = "plasma_exchange_status",
        [FactNames.PlasmaExchangeResponse] = "plasma_exchange_response",
        [FactNames.DmtFeasible] = "dmts_feasible",
        [FactNames.DmtNotFeasibleReason] = "dmts_not_feasible_reason",
        [FactNames.SerumIgaMgDl] = "serum_iga_mg_per_dl",
        [FactNames.AntiIgaAntibodies] = "anti_iga_antibodies",
        [FactNames.PriorHypersensitivity] = "prior_hypersensitivity",
        [FactNames.CreatinineMgDl] = "serum_creatinine_mg_per_dl",
        [FactNames.CreatinineMeasuredOn] = "creatinine_measured_on",
        [FactNames.Egfr] = "egfr_ml_per_min",
        [FactNames.KidneyDisease] = "known_kidney_disease",
        [FactNames.Diabetes] = "diabetes",
        [FactNames.VolumeDepletion] = "volume_depletion",
        [FactNames.Sepsis] = "sepsis",
        [FactNames.Paraproteinemia] = "paraproteinemia",
        [FactNames.NephrotoxicDrugs] = "nephrotoxic_drugs",
        [FactNames.Immobilization] = "prolonged_immobilization",
        [FactNames.HypercoagulableCondition] = "hypercoagulable_condition",
        [FactNames.PriorThrombosis] = "prior_thrombosis",
        [FactNames.EstrogenUse] = "estrogen_use",
        [FactNames.CentralVascularCatheter] = "central_venous_catheter",
        [FactNames.Hyperviscosity] = "hyperviscosity",
        [FactNames.CardiovascularRiskFactors] = "cardiovascular_risk_factors",
        [FactNames.HereditaryFructoseIntolerance] = "hereditary_fructose_intolerance",
        [FactNames.Hyperprolinemia] = "hyperprolinemia",
        [FactNames.MigraineHistory] = "migraine_history",
        [FactNames.AboGroup] = "abo_group",
        [FactNames.Sex] = "sex",
        [FactNames.AgeYears] = "age_years",
        [FactNames.HeightCm] = "height_cm",
        [FactNames.WeightKg] = "weight_kg",
        [FactNames.PrePregnancyWeightKg] = "pre_pregnancy_weight_kg",
        [FactNames.PlannedCourseTotalGPerKg] = "planned_course_total_g_per_kg",
    };

    public static IReadOnlyCollection<string> DomainNames => ToProtoNames.Keys;

    /// <summary>The PatientFacts field for a domain fact name; an unmapped name passes through unchanged.</summary>
    public static string ToProto(string domainName) => ToProtoNames.GetValueOrDefault(domainName, domainName);

    /// <summary>Rewrites every whole-word domain fact name in a text (the ELIG-MISSING reason) to its field name.</summary>
    public static string RewriteText(string text) =>
        Word().Replace(text, m => ToProtoNames.GetValueOrDefault(m.Value, m.Value));

    [System.Text.RegularExpressions.GeneratedRegex("[A-Za-z]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Word();
}
