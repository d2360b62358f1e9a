using Grpc.Core;
using Ivig.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Features.Overrides;
using Ivig.Eligibility.Features.Rules;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Grpc;

/// <summary>Thin adapter: each RPC hands the request (and, where audited, the caller) to its feature.</summary>
public sealed class EligibilityGrpcService(
    ListRulesQuery listRules,
    AssessEligibilityCommand assessEligibility,
    GetAssessmentQuery getAssessment,
    ListAssessmentsQuery listAssessments,
    RecordOverrideCommand recordOverride,
    ListAuditEntriesQuery listAuditEntries) : EligibilityService.EligibilityServiceBase
{
    [Authorize(Roles = SuiteRoles.Anyone)]
    public override Task<ListRulesResponse> ListRules(ListRulesRequest request, ServerCallContext context) =>
        Task.FromResult(listRules.Execute(request));

    [Authorize(Roles = SuiteRoles.Prescriber)]
    public override Task<AssessEligibilityResponse> AssessEligibility(AssessEligibilityRequest request, ServerCallContext context) =>
        assessEligibility.ExecuteAsync(request, CallerIdentity.From(context), context.CancellationToken);

    [Authorize(Roles = SuiteRoles.RecordReaders)]
    public override Task<GetAssessmentResponse> GetAssessment(GetAssessmentRequest request, ServerCallContext context) =>
        getAssessment.ExecuteAsync(request, context.CancellationToken);

    [Authorize(Roles = SuiteRoles.RecordReaders)]
    public override Task<ListAssessmentsResponse> ListAssessments(ListAssessmentsRequest request, ServerCallContext context) =>
        listAssessments.ExecuteAsync(request, context.CancellationToken);

    [Authorize(Roles = SuiteRoles.Prescriber)]
    public override Task<RecordOverrideResponse> RecordOverride(RecordOverrideRequest request, ServerCallContext context) =>
        recordOverride.ExecuteAsync(request, CallerIdentity.From(context), context.CancellationToken);

    [Authorize(Roles = SuiteRoles.AuditReaders)]
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        listAuditEntries.ExecuteAsync(request, context.CancellationToken);
}
