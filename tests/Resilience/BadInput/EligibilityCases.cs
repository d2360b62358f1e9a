using Grpc.Net.Client;
using Ivig.Eligibility.V1;
using Ivig.Testing;
using static Ivig.Resilience.BadInput.CallShapes;
using static Ivig.Resilience.BadInput.CaseFactory;
using static Ivig.Resilience.BadInput.MalformedValues;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// Malformed input to every Eligibility RPC: patient references that are no opaque id, facts that cannot be
/// true (undefined enum numbers, impossible numbers and dates, contradictions), ids that are not ids, paging
/// out of range, override reasons missing or too long. Each case breaks one thing of an otherwise valid request.
/// </summary>
internal static class EligibilityCases
{
    public static IEnumerable<BadInputCase> Generate(GrpcChannel channel, BadInputTargets targets)
    {
        var client = new EligibilityService.EligibilityServiceClient(channel);
        var descriptor = EligibilityService.Descriptor;
        var assess = Rpc(descriptor, "AssessEligibility");
        var get = Rpc(descriptor, "GetAssessment");
        var list = Rpc(descriptor, "ListAssessments");
        var rules = Rpc(descriptor, "ListRules");
        var overrideRpc = Rpc(descriptor, "RecordOverride");
        var audit = Rpc(descriptor, "ListAuditEntries");

        Func<Grpc.Core.CallOptions, Task> Assess(Action<AssessEligibilityRequest> spoil)
        {
            var request = new AssessEligibilityRequest { PatientReference = targets.PatientReference, Facts = ExamplePatients.RefractoryRelapse() };
            spoil(request);
            return Unary(o => client.AssessEligibilityAsync(request, o));
        }

        foreach (var (label, value) in NotPatientReferences)
        {
            yield return Invalid(assess, $"patient reference with {label}", "patient_reference", Assess(r => r.PatientReference = value));
            yield return Invalid(list, $"patient reference with {label}", "patient_reference",
                Unary(o => client.ListAssessmentsAsync(new ListAssessmentsRequest { PatientReference = value }, o)));
        }
        yield return Invalid(assess, "facts missing", "facts", Assess(r => r.Facts = null));

        // Every enum of the facts, with numbers the contract does not define.
        var enums = new (string Field, Action<PatientFacts, int> Set)[]
        {
            ("phenotype", (f, n) => f.Phenotype = (MsPhenotype)n),
            ("purpose", (f, n) => f.Purpose = (TreatmentPurpose)n),
            ("pregnancy_state", (f, n) => f.PregnancyState = (PregnancyState)n),
            ("corticosteroid_response", (f, n) => f.CorticosteroidResponse = (TreatmentResponse)n),
            ("plasma_exchange_status", (f, n) => f.PlasmaExchangeStatus = (PlasmaExchangeStatus)n),
            ("plasma_exchange_response", (f, n) => f.PlasmaExchangeResponse = (TreatmentResponse)n),
            ("prior_hypersensitivity", (f, n) => f.PriorHypersensitivity = (HypersensitivityHistory)n),
            ("abo_group", (f, n) => f.AboGroup = (AboGroup)n),
            ("sex", (f, n) => f.Sex = (Sex)n),
        };
        foreach (var (field, set) in enums)
        {
            foreach (var number in UndefinedEnumNumbers)
            {
                yield return Invalid(assess, $"{field} = {number}", "facts." + field, Assess(r => set(r.Facts, number)));
            }
        }

        // Numbers no patient has: not numbers, infinite, negative, beyond the plausible range.
        var measures = new (string Field, Action<PatientFacts, double> Set, double[] OutOfRange)[]
        {
            ("weight_kg", (f, v) => f.WeightKg = v, [-1, 0, 1.9, 400.1]),
            ("pre_pregnancy_weight_kg", (f, v) => f.PrePregnancyWeightKg = v, [0, 401]),
            ("height_cm", (f, v) => f.HeightCm = v, [-165, 39.9, 250.1]),
            ("serum_iga_mg_per_dl", (f, v) => f.SerumIgaMgPerDl = v, [-0.001, 10_000.1]),
            ("serum_creatinine_mg_per_dl", (f, v) => f.SerumCreatinineMgPerDl = v, [-1, 40.1]),
            ("egfr_ml_per_min", (f, v) => f.EgfrMlPerMin = v, [-1, 300.1]),
            ("planned_course_total_g_per_kg", (f, v) => f.PlannedCourseTotalGPerKg = v, [0, -2, 10.1]),
        };
        foreach (var (field, set, outOfRange) in measures)
        {
            foreach (var (label, value) in BadMeasures(outOfRange))
            {
                yield return Invalid(assess, $"{field} = {label}", "facts." + field, Assess(r => set(r.Facts, value)));
            }
        }
        foreach (var (label, value) in BadInts(-1, 131))
        {
            yield return Invalid(assess, $"age_years = {label}", "facts.age_years", Assess(r => r.Facts.AgeYears = value));
        }

        var future = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (label, value) in NotDates.Append(("in the future", future)).Append(("before 1900", "1899-12-31")))
        {
            yield return Invalid(assess, $"creatinine_measured_on {label}", "facts.creatinine_measured_on", Assess(r => r.Facts.CreatinineMeasuredOn = value));
            yield return Invalid(assess, $"delivery_date {label}", "facts.delivery_date", Assess(r => r.Facts.DeliveryDate = value));
        }
        yield return Invalid(assess, "dmts_not_feasible_reason of 501 characters", "facts.dmts_not_feasible_reason",
            Assess(r => r.Facts.DmtsNotFeasibleReason = Huge(501)));
        yield return Invalid(assess, "dmts_not_feasible_reason of 100 KB", "facts.dmts_not_feasible_reason",
            Assess(r => r.Facts.DmtsNotFeasibleReason = Huge(HundredKilobytes)));
        yield return Invalid(assess, "severe-hypersensitivity flag contradicting the history", "facts.prior_severe_hypersensitivity_to_immunoglobulin",
            Assess(r => r.Facts.PriorSevereHypersensitivityToImmunoglobulin = true));

        // Ids that are not ids, and ids of nothing.
        foreach (var (label, value) in NotIds.Append(("empty", "")).Append(("the nil UUID", Guid.Empty.ToString())))
        {
            yield return Invalid(get, label, "assessment_id", Unary(o => client.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = value }, o)));
            yield return Invalid(overrideRpc, $"assessment id {label}", "assessment_id",
                Unary(o => client.RecordOverrideAsync(new RecordOverrideRequest { AssessmentId = value, Reason = "MDT decision." }, o)));
        }
        foreach (var (label, value) in NotIds.Append(("the nil UUID", Guid.Empty.ToString())))
        {
            yield return Invalid(audit, $"assessment id {label}", "assessment_id",
                Unary(o => client.ListAuditEntriesAsync(new ListAuditEntriesRequest { AssessmentId = value }, o)));
        }
        yield return Unknown(get, "unknown assessment", Unary(o => client.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = Guid.NewGuid().ToString() }, o)));
        yield return Unknown(overrideRpc, "unknown assessment",
            Unary(o => client.RecordOverrideAsync(new RecordOverrideRequest { AssessmentId = Guid.NewGuid().ToString(), Reason = "MDT decision." }, o)));
        yield return Unknown(audit, "unknown assessment",
            Unary(o => client.ListAuditEntriesAsync(new ListAuditEntriesRequest { AssessmentId = Guid.NewGuid().ToString() }, o)));

        // Override reasons: required, at most 1000 characters (checked before the assessment's state).
        foreach (var (label, value) in new[] { ("empty", ""), ("spaces", "   "), ("tabs and newlines", "\t\r\n"), ("1001 characters", Huge(1001)), ("100 KB", Huge(HundredKilobytes)) })
        {
            yield return Invalid(overrideRpc, $"reason {label}", "reason",
                Unary(o => client.RecordOverrideAsync(new RecordOverrideRequest { AssessmentId = targets.NotRecommended.AssessmentId, Reason = value }, o)));
        }

        // Paging out of range, and tokens this service never issued.
        foreach (var (label, value) in BadInts(-1, 101))
        {
            yield return Invalid(list, $"page_size {label}", "page_size",
                Unary(o => client.ListAssessmentsAsync(new ListAssessmentsRequest { PatientReference = targets.PatientReference, PageSize = value }, o)));
            yield return Invalid(audit, $"page_size {label}", "page_size",
                Unary(o => client.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = value }, o)));
        }
        var foreignToken = Convert.ToBase64String("1|0123456789abcdef|1|x"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        foreach (var (label, value) in new[]
        {
            ("not base64", "%%%not-a-token%%%"), ("a token of another list", foreignToken), ("513 characters", Huge(513, 'A')),
            ("100 KB", Huge(HundredKilobytes, 'A')), ("a right-to-left override", "\u202EAAAA"), ("a NUL", "AAAA\0"),
        })
        {
            yield return Invalid(list, $"page_token {label}", "page_token",
                Unary(o => client.ListAssessmentsAsync(new ListAssessmentsRequest { PatientReference = targets.PatientReference, PageToken = value }, o)));
            yield return Invalid(audit, $"page_token {label}", "page_token",
                Unary(o => client.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageToken = value }, o)));
        }

        foreach (var number in UndefinedEnumNumbers)
        {
            yield return Invalid(rules, $"outcome = {number}", "outcome", Unary(o => client.ListRulesAsync(new ListRulesRequest { Outcome = (Decision)number }, o)));
            yield return Invalid(rules, $"kind = {number}", "kind", Unary(o => client.ListRulesAsync(new ListRulesRequest { Kind = (RuleKind)number }, o)));
        }
    }
}
