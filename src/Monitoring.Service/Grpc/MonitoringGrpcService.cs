using Grpc.Core;
using Ivig.Monitoring.Features.Infusions;
using Ivig.Monitoring.V1;

namespace Ivig.Monitoring.Grpc;

/// <summary>Thin adapter: each RPC hands the request to its feature and returns the result.</summary>
public sealed class MonitoringGrpcService(ListActiveInfusionsQuery listActive) : MonitoringService.MonitoringServiceBase
{
    public override Task<ListActiveInfusionsResponse> ListActiveInfusions(ListActiveInfusionsRequest request, ServerCallContext context) =>
        listActive.ExecuteAsync(request);
}
