using Grpc.Core;
using Ivig.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Ivig.Monitoring.Features.Alerts;
using Ivig.Monitoring.Features.Fhir;
using Ivig.Monitoring.Features.Infusions;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Grpc;

/// <summary>Thin adapter: each RPC hands the request to its feature and returns the result.</summary>
public sealed class MonitoringGrpcService(
    StartInfusionCommand start, RecordVitalsCommand vitals, ReactionCommands reactions, RateCommands rates,
    InfusionQueries infusions, ListActiveInfusionsQuery listActive, AlertQueries alerts,
    IInfusionFhirExport fhirExport) : MonitoringService.MonitoringServiceBase
{
    [Authorize(Roles = SuiteRoles.Nurse)]
    public override Task<StartInfusionResponse> StartInfusion(StartInfusionRequest request, ServerCallContext context) =>
        start.ExecuteAsync(request, CallerIdentity.From(context), context.CancellationToken);

    [Authorize(Roles = SuiteRoles.Nurse)]
    public override async Task<RecordVitalsResponse> RecordVitals(RecordVitalsRequest request, ServerCallContext context)
    {
        var (session, findings) = await vitals.ExecuteAsync(request.InfusionId, request.Vitals);
        return new RecordVitalsResponse { Infusion = session.ToProto(), Findings = { findings } };
    }

    [Authorize(Roles = SuiteRoles.Nurse)]
    public override async Task<StreamVitalsResponse> StreamVitals(IAsyncStreamReader<StreamVitalsRequest> requestStream, ServerCallContext context)
    {
        var response = new StreamVitalsResponse();
        await foreach (var batch in VitalsBatches.ReadAsync(requestStream, context.CancellationToken))
        {
            var (_, accepted, findings) = await vitals.ExecuteBatchAsync(batch[0].InfusionId, [.. batch.Select(r => r.Vitals)]);
            response.Accepted += accepted;
            response.Findings.AddRange(findings);
        }
        return response;
    }

    [Authorize(Roles = SuiteRoles.Nurse)]
    public override async Task<AdvanceTitrationResponse> AdvanceTitration(AdvanceTitrationRequest request, ServerCallContext context) =>
        new() { Infusion = await rates.AdvanceAsync(request.InfusionId) };

    [Authorize(Roles = SuiteRoles.Nurse)]
    public override Task<ReportReactionResponse> ReportReaction(ReportReactionRequest request, ServerCallContext context) =>
        reactions.ReportAsync(request);

    [Authorize(Roles = SuiteRoles.Nurse)]
    public override Task<ResolveReactionResponse> ResolveReaction(ResolveReactionRequest request, ServerCallContext context) =>
        reactions.ResolveAsync(request);

    [Authorize(Roles = SuiteRoles.Nurse)]
    public override async Task<PauseInfusionResponse> PauseInfusion(PauseInfusionRequest request, ServerCallContext context) =>
        new() { Infusion = await rates.PauseAsync(request.InfusionId, request.Reason) };

    [Authorize(Roles = SuiteRoles.Nurse)]
    public override async Task<ResumeInfusionResponse> ResumeInfusion(ResumeInfusionRequest request, ServerCallContext context) =>
        new() { Infusion = await rates.ResumeAsync(request.InfusionId, request.RateMgPerKgPerMin) };

    [Authorize(Roles = SuiteRoles.Nurse)]
    public override async Task<StopInfusionResponse> StopInfusion(StopInfusionRequest request, ServerCallContext context) =>
        new() { Infusion = await rates.StopAsync(request.InfusionId, request.Reason) };

    [Authorize(Roles = SuiteRoles.Nurse)]
    public override async Task<CompleteInfusionResponse> CompleteInfusion(CompleteInfusionRequest request, ServerCallContext context) =>
        new() { Infusion = await rates.CompleteAsync(request.InfusionId) };

    [Authorize(Roles = SuiteRoles.Anyone)]
    public override async Task<GetInfusionResponse> GetInfusion(GetInfusionRequest request, ServerCallContext context) =>
        new() { Infusion = await infusions.GetAsync(request.InfusionId) };

    [Authorize(Roles = SuiteRoles.Anyone)]
    public override Task<ListActiveInfusionsResponse> ListActiveInfusions(ListActiveInfusionsRequest request, ServerCallContext context) =>
        listActive.ExecuteAsync(request);

    [Authorize(Roles = SuiteRoles.Watchers)]
    public override Task WatchInfusion(WatchInfusionRequest request, IServerStreamWriter<WatchInfusionResponse> responseStream, ServerCallContext context) =>
        infusions.WatchAsync(request.InfusionId, responseStream, context.CancellationToken);

    [Authorize(Roles = SuiteRoles.Watchers)]
    public override Task WatchAlerts(WatchAlertsRequest request, IServerStreamWriter<WatchAlertsResponse> responseStream, ServerCallContext context) =>
        alerts.WatchAsync(request, responseStream, () => context.WriteResponseHeadersAsync(new Metadata()), context.CancellationToken);

    [Authorize(Roles = SuiteRoles.Watchers)]
    public override Task<AcknowledgeAlertResponse> AcknowledgeAlert(AcknowledgeAlertRequest request, ServerCallContext context) =>
        alerts.AcknowledgeAsync(request, CallerIdentity.From(context));

    [Authorize(Roles = SuiteRoles.Integration)]
    public override async Task<ExportInfusionBundleResponse> ExportInfusionBundle(ExportInfusionBundleRequest request, ServerCallContext context) =>
        new() { FhirJson = await fhirExport.ExportJsonAsync(request.InfusionId, context.CancellationToken) };
}
