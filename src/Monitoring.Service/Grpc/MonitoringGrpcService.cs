using Ivig.Monitoring.V1;

namespace Ivig.Monitoring.Grpc;

public sealed class MonitoringGrpcService : MonitoringService.MonitoringServiceBase
{
}
