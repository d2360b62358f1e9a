using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Infrastructure;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>
/// Every change to an infusion goes through here: load, apply the domain operation, store with
/// compare-and-set on the version, retry on a concurrent change. The domain's own errors become the
/// suite's gRPC errors (FailedPrecondition naming the condition, InvalidArgument naming the field).
/// </summary>
public sealed class InfusionUpdater(InfusionStore store, LiveUpdates live, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public async Task<(InfusionSession Session, T Result)> UpdateAsync<T>(Guid infusionId, Func<InfusionSession, DateTimeOffset, T> change)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var session = await store.FindAsync(infusionId) ?? throw new ResourceNotFoundException("Infusion", infusionId.ToString());
            var expectedVersion = session.Version;
            var result = DomainErrors.Translate(() => change(session, clock.GetUtcNow()));
            if (session.Version == expectedVersion)
            {
                return (session, result); // nothing changed (a duplicate order, say): nothing to store
            }
            if (await store.TrySaveAsync(session, expectedVersion))
            {
                await live.InfusionChangedAsync(session.Id);
                return (session, result);
            }
        }
        throw new PreconditionFailedException("CONCURRENT_UPDATE", "The infusion kept changing while this request was applied; retry.");
    }

    /// <summary>Stores a new session as its regimen day's latest; refused if another start got there first.</summary>
    public async Task CreateAsync(InfusionSession session, Guid? previous, string restartReason, string startedBy)
    {
        if (!await store.TryCreateAsync(session, previous, restartReason, startedBy))
        {
            throw new PreconditionFailedException("ALREADY_STARTED",
                $"Another infusion was started for regimen {session.RegimenId} day {session.DayNumber} at the same time; read it and retry if needed.");
        }
        await live.InfusionChangedAsync(session.Id);
    }
}
