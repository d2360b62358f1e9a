using Ivig.Eligibility.V1;

namespace Ivig.Eligibility.Grpc;

public sealed class EligibilityGrpcService : EligibilityService.EligibilityServiceBase
{
}
