using Ivig.Dosing.V1;

namespace Ivig.Dosing.Grpc;

public sealed class DosingGrpcService : DosingService.DosingServiceBase
{
}
