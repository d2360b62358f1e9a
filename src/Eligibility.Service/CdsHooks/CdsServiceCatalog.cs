namespace Ivig.Eligibility.CdsHooks;

/// <summary>One CDS Service of the discovery response (one hook per service, CDS Hooks 2.0).</summary>
internal sealed record CdsServiceDefinition(string Id, string Hook, string Title, string Description);

/// <summary>
/// The CDS Services this service offers: IVIG eligibility on <c>order-select</c> and on <c>order-sign</c>, with the
/// same prefetch templates. <see cref="RequiredPrefetch"/> keys are needed to answer at all (412 otherwise); the
/// others only make facts known.
/// </summary>
internal static class CdsServiceCatalog
{
    public const string OrderSelectId = "ivig-eligibility-order-select";
    public const string OrderSignId = "ivig-eligibility-order-sign";

    public const string PatientKey = "patient";
    public const string ConditionsKey = "conditions";
    public const string ObservationsKey = "observations";
    public const string AllergiesKey = "allergies";
    public const string MedicationsKey = "medications";

    public static readonly IReadOnlyList<string> RequiredPrefetch = [PatientKey, ConditionsKey];

    /// <summary>Prefetch templates (key → FHIR query); tokens follow CDS Hooks 2.0 prefetch token rules.</summary>
    public static readonly IReadOnlyDictionary<string, string> Prefetch = new Dictionary<string, string>
    {
        [PatientKey] = "Patient/{{context.patientId}}",
        [ConditionsKey] = "Condition?patient={{context.patientId}}",
        [ObservationsKey] = "Observation?patient={{context.patientId}}&code="
            + string.Join(",", FhirCodes.ObservationCodes.Select(c => CodeSystems.Loinc + "|" + c)),
        [AllergiesKey] = "AllergyIntolerance?patient={{context.patientId}}",
        [MedicationsKey] = "MedicationRequest?patient={{context.patientId}}&status=active",
    };

    private const string DescriptionText =
        "Runs the IVIG-in-MS eligibility rules (contraindications, indications, precautions) for a draft IVIG order "
        + "and answers one card with the decision, the rule ids and the precautions. Decision support only.";

    public static readonly IReadOnlyList<CdsServiceDefinition> Services =
    [
        new(OrderSelectId, "order-select", "IVIG in MS eligibility (order select)", DescriptionText),
        new(OrderSignId, "order-sign", "IVIG in MS eligibility (order sign)", DescriptionText),
    ];

    public const string UsageRequirements =
        "Bearer token with role integration or prescriber. Draft IVIG MedicationRequests carry the purpose in reasonCode ("
        + CodeSystems.TreatmentPurpose + ") and order facts in the extension " + CodeSystems.EligibilityContextExtension
        + ". Prefetch keys patient and conditions are required.";

    public static CdsServiceDefinition? Find(string id) =>
        Services.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
