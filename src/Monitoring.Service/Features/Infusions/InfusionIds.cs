using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Infusions;

internal static class InfusionIds
{
    public static Guid Parse(string value, string field = "infusion_id") =>
        Guid.TryParse(value, out var id) ? id : throw new RequestValidationException([new(field, "Must be an infusion id (a UUID).")]);
}
