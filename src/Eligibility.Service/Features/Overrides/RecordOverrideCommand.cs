using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Grpc;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Overrides;

/// <summary>
/// RecordOverride: a prescriber overrides CONSIDER_ALTERNATIVE_FIRST or NOT_RECOMMENDED, once, with a reason
/// (catalogue: "a clinician can override a recommendation only with a reason that is audited"). The
/// assessment's facts and decision stay as they were; the override is appended beside them and audited.
/// </summary>
public sealed class RecordOverrideCommand(IAssessmentStore store, TimeProvider time, Telemetry.EligibilityMetrics? metrics = null)
{
    /// <summary>FailedPrecondition conditions, for callers to branch on.</summary>
    public const string NotOverridable = "NOT_OVERRIDABLE";
    public const string NothingToOverride = "NOTHING_TO_OVERRIDE";
    public const string AlreadyOverridden = "ALREADY_OVERRIDDEN";

    public async Task<RecordOverrideResponse> ExecuteAsync(RecordOverrideRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var id = AssessmentId.Read(request.AssessmentId, "assessment_id", violations);
        var reason = FreeText.Readable(request.Reason);
        if (reason.Length == 0)
        {
            violations.Add(new("reason", "Required: why the recommendation is overridden (it is audited)."));
        }
        else if (reason.Length > OverridePolicy.MaxReasonLength)
        {
            violations.Add(new("reason", $"At most {OverridePolicy.MaxReasonLength} characters."));
        }

        RequestValidationException.ThrowIfAny(violations);

        var assessment = await store.FindAsync(id!.Value, cancellationToken)
            ?? throw new ResourceNotFoundException(AssessmentId.ResourceType, request.AssessmentId);
        EnsureOverridable(assessment);

        var record = new OverrideRecord(caller, reason, time.GetUtcNow());
        var write = await store.TryAddOverrideAsync(assessment.AssessmentId, record, AuditRecord.ForOverride(assessment, record), cancellationToken);
        if (write == OverrideWrite.Added)
        {
            metrics?.OverrideRecorded(assessment.Decision.ToString());
        }
        return write switch
        {
            OverrideWrite.Added => new RecordOverrideResponse { Assessment = (assessment with { Override = record }).ToProto() },
            OverrideWrite.AlreadyOverridden => throw AlreadyOverriddenError(),
            _ => throw new ResourceNotFoundException(AssessmentId.ResourceType, request.AssessmentId),
        };
    }

    private static void EnsureOverridable(AssessmentRecord assessment)
    {
        if (assessment.Override is not null)
        {
            throw AlreadyOverriddenError();
        }

        if (OverridePolicy.IsOverridable(assessment.Decision))
        {
            return;
        }

        throw assessment.Decision switch
        {
            // A label contraindication (CI-*) is never a matter of clinical judgement here.
            EligibilityOutcome.Contraindicated => new PreconditionFailedException(
                NotOverridable, "A CONTRAINDICATED decision cannot be overridden."),
            EligibilityOutcome.InsufficientData => new PreconditionFailedException(
                NothingToOverride, "An INSUFFICIENT_DATA decision is not a recommendation: give the missing facts and assess again."),
            _ => new PreconditionFailedException(
                NothingToOverride, $"A {assessment.Decision.ToEventName()} decision does not advise against IVIG; there is nothing to override."),
        };
    }

    private static PreconditionFailedException AlreadyOverriddenError() =>
        new(AlreadyOverridden, "This assessment has already been overridden; an override is recorded once.");
}
