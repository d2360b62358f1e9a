using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.Regimens;
using Ivig.IntegrationEvents;
using Microsoft.Extensions.Caching.Memory;

namespace Ivig.Dosing.Infrastructure;

/// <summary>
/// Regimens never change once stored, so each one read (or planned) here is kept in memory and not read
/// and parsed from Redis again: every reaction's rate order needs its regimen, and parsing it was a large
/// part of Dosing's work per reaction (docs/performance.md). Bounded to <see cref="MaxRegimens"/>; a replica
/// that has not seen a regimen reads it from Redis as before. Callers get their own copy to change.
/// </summary>
public sealed class CachedRegimenStore(RedisRegimenStore store) : IRegimenStore, IDisposable
{
    public const int MaxRegimens = 20_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxRegimens });

    public async Task AddAsync(V1.Regimen regimen, AuditEntry audit, RegimenPlanned planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        await store.AddAsync(regimen, audit, planned, cancellationToken);
        Remember(planned.RegimenId, regimen.Clone());
    }

    public async Task<V1.Regimen?> GetAsync(Guid regimenId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(regimenId, out V1.Regimen? cached) && cached is not null)
        {
            return cached.Clone();
        }
        var regimen = await store.GetAsync(regimenId, cancellationToken);
        if (regimen is not null)
        {
            Remember(regimenId, regimen.Clone());
        }
        return regimen;
    }

    private void Remember(Guid regimenId, V1.Regimen regimen) =>
        _cache.Set(regimenId, regimen, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) });

    public void Dispose() => _cache.Dispose();
}
