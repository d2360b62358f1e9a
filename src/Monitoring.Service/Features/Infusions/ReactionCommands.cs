using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.Telemetry;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>
/// ReportReaction freezes titration in the same request (grade ≥ 3 and the named syndromes stop the
/// infusion in it too), then tells Dosing. ResolveReaction ends a reaction without raising any rate:
/// re-escalation stays a clinician's explicit step.
/// </summary>
public sealed class ReactionCommands(InfusionUpdater updater, MonitoringMetrics metrics)
{
    private const int MaxRequestIdLength = 64;

    public async Task<ReportReactionResponse> ReportAsync(ReportReactionRequest request)
    {
        var id = InfusionIds.Parse(request.InfusionId);
        var kind = MonitoringMapping.ToDomain(request.Kind)
            ?? throw new RequestValidationException([new("kind", "Choose a grade (GRADE1-4) or a named syndrome.")]);
        var symptoms = request.Symptoms.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (symptoms.Any(s => s.Length > 200))
        {
            throw new RequestValidationException([new("symptoms", "Each symptom is at most 200 characters.")]);
        }
        var requestId = FreeText.Readable(request.RequestId);
        if (requestId.Length > MaxRequestIdLength)
        {
            throw new RequestValidationException([new("request_id", $"At most {MaxRequestIdLength} characters (a UUID is recommended).")]);
        }

        var (session, outcome) = await updater.UpdateAsync(id,
            (s, now) => s.ReportReaction(kind.Kind, kind.Grade, symptoms, now, requestId.Length == 0 ? null : requestId),
            InfusionEvents.Reaction);
        if (!outcome.Repeated)
        {
            metrics.ReactionRecorded(outcome.Reaction);
        }
        return new ReportReactionResponse { Infusion = session.ToProto(), Reaction = outcome.Reaction.ToProto() };
    }

    public async Task<ResolveReactionResponse> ResolveAsync(ResolveReactionRequest request)
    {
        var id = InfusionIds.Parse(request.InfusionId);
        var reactionId = InfusionIds.Parse(request.ReactionId, "reaction_id");
        var (session, _) = await updater.UpdateAsync(id, (s, now) => s.ResolveReaction(reactionId, now));
        return new ResolveReactionResponse { Infusion = session.ToProto() };
    }
}
