using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Features.Regimens;

/// <summary>GetRegimen: the stored regimen exactly as planned (also how Monitoring reads the ladder, weight and cap).</summary>
public sealed class GetRegimenQuery(IRegimenStore store)
{
    public async Task<V1.GetRegimenResponse> GetAsync(V1.GetRegimenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.RegimenId))
        {
            throw new RequestValidationException([new("regimen_id", "Required.")]);
        }

        if (!Guid.TryParse(request.RegimenId, out var regimenId))
        {
            throw new RequestValidationException([new("regimen_id", "Must be a regimen id (a UUID) as PlanRegimen returned it.")]);
        }

        var regimen = await store.GetAsync(regimenId, cancellationToken)
            ?? throw new ResourceNotFoundException("Regimen", regimenId.ToString("D"));
        return new V1.GetRegimenResponse { Regimen = regimen };
    }
}
