using Grpc.Core;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.Features.Infusions;
using Ivig.Monitoring.Infrastructure;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Fhir;

/// <summary>The FHIR R4 export of one infusion, as JSON (application/fhir+json).</summary>
public interface IInfusionFhirExport
{
    Task<string> ExportJsonAsync(string infusionId, CancellationToken cancellationToken);
}

/// <summary>
/// ExportInfusionBundle and GET /fhir/infusions/{id}: reads the session from Redis, its regimen from
/// Dosing and the regimen's eligibility assessment and audit entries from Eligibility, all with the
/// caller's own token (forwarded), and builds the Bundle. Dosing or Eligibility down is Unavailable
/// (retry); a regimen or assessment that no longer exists is FailedPrecondition.
/// </summary>
public sealed class ExportInfusionBundleQuery(
    InfusionStore store,
    DosingService.DosingServiceClient dosing,
    EligibilityService.EligibilityServiceClient eligibility,
    TimeProvider clock) : IInfusionFhirExport
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    // An assessment has one or two audit entries; the bound only protects against a runaway trail.
    private const int MaxAuditPages = 10;

    public async Task<string> ExportJsonAsync(string infusionId, CancellationToken cancellationToken) =>
        FhirJson.Serialize(await BuildAsync(infusionId, cancellationToken));

    public async Task<Hl7.Fhir.Model.Bundle> BuildAsync(string infusionId, CancellationToken cancellationToken)
    {
        var id = InfusionIds.Parse(infusionId);
        var session = await store.FindAsync(id) ?? throw new ResourceNotFoundException("Infusion", infusionId);

        var regimen = await CallAsync("Dosing", "REGIMEN_NOT_FOUND", $"Regimen {session.RegimenId} of the infusion no longer exists in Dosing.",
            async () => (await dosing.GetRegimenAsync(new GetRegimenRequest { RegimenId = session.RegimenId },
                deadline: Deadline(), cancellationToken: cancellationToken)).Regimen);

        Assessment? assessment = null;
        var audit = new List<AuditEntry>();
        if (!string.IsNullOrWhiteSpace(regimen.AssessmentId))
        {
            const string missing = "ASSESSMENT_NOT_FOUND";
            var notFound = $"Eligibility assessment {regimen.AssessmentId} of the regimen no longer exists.";
            assessment = await CallAsync("Eligibility", missing, notFound,
                async () => (await eligibility.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = regimen.AssessmentId },
                    deadline: Deadline(), cancellationToken: cancellationToken)).Assessment);

            var pageToken = "";
            for (var page = 0; page < MaxAuditPages; page++)
            {
                var reply = await CallAsync("Eligibility", missing, notFound,
                    () => eligibility.ListAuditEntriesAsync(new ListAuditEntriesRequest
                    {
                        AssessmentId = regimen.AssessmentId,
                        PageSize = 100,
                        PageToken = pageToken,
                    }, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync);
                audit.AddRange(reply.Entries);
                pageToken = reply.NextPageToken;
                if (string.IsNullOrEmpty(pageToken))
                {
                    break;
                }
            }
        }

        var vitals = await store.VitalsHistoryAsync(id);
        return InfusionBundleBuilder.Build(new InfusionExportSource(session, vitals, regimen, assessment, audit), clock.GetUtcNow());
    }

    private static DateTime Deadline() => DateTime.UtcNow.Add(CallTimeout);

    private static async Task<T> CallAsync<T>(string service, string missingCondition, string missingMessage, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new PreconditionFailedException(missingCondition, missingMessage);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"{service} is unavailable; the export cannot be built. Retry."));
        }
    }
}
