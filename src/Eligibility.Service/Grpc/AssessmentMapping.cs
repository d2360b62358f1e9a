using Google.Protobuf.WellKnownTypes;
using Ivig.Common.V1;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Features.Overrides;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Grpc;

/// <summary>Stored assessments, overrides and audit entries as the contract shows them.</summary>
internal static class AssessmentMapping
{
    public static V1.Assessment ToProto(this AssessmentRecord a)
    {
        var constraints = new V1.ProductConstraints
        {
            ExcludedStabilizers = { a.Constraints.ExcludedStabilizers },
            AtRiskRateCapRequired = a.Constraints.AtRiskRateCapRequired,
            PremedicationRequired = a.Constraints.PremedicationRequired,
            HydrationRequired = a.Constraints.HydrationRequired,
        };
        if (a.Constraints.MaxIgaMicrogramsPerMl is { } maxIga)
        {
            constraints.MaxIgaMicrogramsPerMl = maxIga;
        }

        return new V1.Assessment
        {
            AssessmentId = a.AssessmentId.ToString(),
            PatientReference = a.PatientReference,
            Decision = a.Decision.ToProto(),
            Reasons = { a.Reasons.Select(ToProto) },
            Precautions = { a.Precautions.Select(p => new V1.Precaution { RuleId = p.RuleId, Text = p.Text }) },
            MissingFacts = { a.MissingFacts.Select(FactFieldNames.ToProto) },
            Constraints = constraints,
            CatalogueVersion = a.CatalogueVersion,
            AssessedAt = Timestamp.FromDateTimeOffset(a.AssessedAt),
            AssessedBy = a.AssessedBy.ToProto(),
            Override = a.Override?.ToProto(),
            FactsHash = a.FactsHash,
            Facts = a.Facts.ToProto(),
        };
    }

    public static V1.AuditEntry ToProto(this AuditRecord e) => new()
    {
        EntryId = e.EntryId.ToString(),
        At = Timestamp.FromDateTimeOffset(e.At),
        Actor = e.Actor.ToProto(),
        Action = e.Action,
        AssessmentId = e.AssessmentId.ToString(),
        FactsHash = e.FactsHash,
        Decision = e.Decision.ToProto(),
        RuleIds = { e.RuleIds },
        Detail = e.Detail,
    };

    public static Actor ToProto(this Caller caller) => new() { Subject = caller.Subject, Role = caller.Role };

    private static V1.Override ToProto(this OverrideRecord o) => new()
    {
        By = o.By.ToProto(),
        Reason = o.Reason,
        RecordedAt = Timestamp.FromDateTimeOffset(o.RecordedAt),
    };

    /// <summary>ELIG-MISSING names facts in its text too; they are renamed like <c>missing_facts</c>.</summary>
    private static V1.Reason ToProto(EligibilityReason r) => new()
    {
        RuleId = r.RuleId,
        Outcome = r.Outcome.ToProto(),
        Text = r.RuleId == EligibilityEngine.MissingFactsRuleId ? FactFieldNames.RewriteText(r.Text) : r.Text,
        Source = r.Source,
    };
}
