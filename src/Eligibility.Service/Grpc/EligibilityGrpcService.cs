using Grpc.Core;
using Ivig.Eligibility.Features.Rules;
using Ivig.Eligibility.V1;

namespace Ivig.Eligibility.Grpc;

/// <summary>Thin adapter: each RPC hands the request to its feature and returns the result.</summary>
public sealed class EligibilityGrpcService(ListRulesQuery listRules) : EligibilityService.EligibilityServiceBase
{
    public override Task<ListRulesResponse> ListRules(ListRulesRequest request, ServerCallContext context) =>
        Task.FromResult(listRules.Execute(request));
}
