using System.Globalization;
using System.Text.Json.Nodes;
using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.Assessments;
using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.Messaging;
using Ivig.Dosing.Grpc;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Features.Regimens;

/// <summary>
/// PlanRegimen: validate, check the eligibility assessment, plan (DOSE-*), store the regimen with its audit entry,
/// announce it (<c>RegimenPlanned</c>). Bad input is refused before Eligibility is asked and nothing is stored.
/// </summary>
public sealed class PlanRegimenCommand(
    ProductCatalogue catalogue,
    RegimenPlanner planner,
    DosingPolicyOptions options,
    DosingRules rules,
    IEligibilityAssessments assessments,
    IRegimenStore store,
    RegimenPlannedPublication publication,
    IIntegrationEventPublisher publisher,
    TimeProvider time,
    ILogger<PlanRegimenCommand> logger)
{
    public async Task<V1.PlanRegimenResponse> PlanAsync(V1.PlanRegimenRequest request, Caller caller, DateTime? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var input = PlanRegimenValidator.Validate(request, catalogue, options, today);

        var assessment = await assessments.GetAsync(input.AssessmentId, deadline, cancellationToken);
        var clearance = AssessmentGate.Clear(input.AssessmentId, assessment, catalogue);
        AssessmentGate.CheckProduct(input.Product, clearance);

        // DOSE-CAP follows the assessment (PRE-RENAL, PRE-THROMBO), never the caller.
        Regimen planned;
        try
        {
            planned = planner.Plan(input.Request with { AtRiskCapRequired = clearance.AtRiskCapRequired }, input.Product);
        }
        catch (DosingValidationException ex)
        {
            throw new RequestValidationException(PlanRegimenValidator.ToProto(ex.Violations));
        }

        var header = new RegimenHeader(Guid.NewGuid(), input.AssessmentId, clearance.PatientReference, now, caller, catalogue.Version, input.DeliveryDate);
        var regimen = planned.ToProto(input.Product, header, rules);
        NotePastDates(regimen, today);

        var plannedEvent = RegimenPlannedEvent.From(planned, header);
        var audit = new AuditEntry(
            Guid.NewGuid(),
            now,
            caller.Subject,
            caller.Role,
            AuditActions.PlanRegimen,
            header.RegimenId,
            input.AssessmentId,
            null,
            null,
            InputsHash.Of(Inputs(request, clearance, assessment)),
            [.. planned.RuleIds],
            Detail(planned, clearance));
        await store.AddAsync(regimen, audit, plannedEvent, cancellationToken);
        logger.LogInformation(
            "Regimen {RegimenId} planned: {Indication}, product {ProductId}, {Grams} g x {Days}, at-risk cap {Capped}",
            header.RegimenId, planned.Indication, planned.ProductId, planned.RoundedGramsPerDay, planned.Days, planned.AtRiskCap.Required);

        // The regimen is stored with its RegimenPlanned (the outbox): announced now, without the prescriber
        // waiting for the broker's confirm, and even if the caller has gone; the outbox sweep covers a broker
        // that is slow or down.
        _ = publication.TryPublishAsync(plannedEvent, publisher, CancellationToken.None);
        return new V1.PlanRegimenResponse { Regimen = regimen };
    }

    /// <summary>What the decision was taken from: the request as sent, what the assessment contributed, and the catalogue and policy in force.</summary>
    private JsonObject Inputs(V1.PlanRegimenRequest request, AssessmentClearance clearance, Eligibility.V1.Assessment assessment) => new()
    {
        ["request"] = InputsHash.ToNode(request),
        ["assessment"] = new JsonObject
        {
            ["decision"] = clearance.Decision,
            ["overridden"] = clearance.Overridden,
            ["constraints"] = assessment.Constraints is null ? null : InputsHash.ToNode(assessment.Constraints),
            ["catalogueVersion"] = assessment.CatalogueVersion,
        },
        ["catalogueVersion"] = catalogue.Version,
        ["weightPolicy"] = options.WeightPolicy.ToString(),
        ["rounding"] = options.Rounding.ToString(),
    };

    private static string Detail(Regimen planned, AssessmentClearance clearance) => string.Create(
        CultureInfo.InvariantCulture,
        $"assessment {clearance.Decision}{(clearance.Overridden ? " with a recorded override" : "")}; product {planned.ProductId}; {planned.Indication}: {planned.RoundedGramsPerDay:G29} g x {planned.Days} = {planned.TotalGramsPerCourse:G29} g; at-risk cap {(planned.AtRiskCap.Required ? "applied" : "not required")}");

    /// <summary>A postpartum schedule planned late has first-week dates already past: say so rather than hide it.</summary>
    private static void NotePastDates(V1.Regimen regimen, DateOnly today)
    {
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var past = regimen.Days.Where(d => d.Date.Length > 0 && string.CompareOrdinal(d.Date, todayText) < 0).Select(d => d.Date).ToList();
        if (past.Count > 0)
        {
            regimen.Notes.Add($"scheduled dates already past on {todayText}: {string.Join(", ", past)}; agree new dates with the prescriber");
        }
    }
}
