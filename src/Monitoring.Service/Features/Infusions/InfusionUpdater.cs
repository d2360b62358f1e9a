using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Outbox;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.Infrastructure.Outbox;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>
/// Every change to an infusion goes through here: load, apply the domain operation, store with
/// compare-and-set on the version (retrying on a concurrent change) together with the change's effects
/// in the outbox, then carry the effects out. The domain's own errors become the suite's gRPC errors
/// (FailedPrecondition naming the condition, InvalidArgument naming the field).
/// </summary>
public sealed class InfusionUpdater(InfusionStore store, LiveUpdates live, OutboxDispatcher effects, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public async Task<(InfusionSession Session, T Result)> UpdateAsync<T>(Guid infusionId, Func<InfusionSession, DateTimeOffset, T> change,
        Func<InfusionSession, T, IEnumerable<OutboxEntry>>? announce = null)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var session = await store.FindAsync(infusionId) ?? throw new ResourceNotFoundException("Infusion", infusionId.ToString());
            var expectedVersion = session.Version;
            var result = DomainErrors.Translate(() => change(session, clock.GetUtcNow()));
            if (session.Version == expectedVersion)
            {
                return (session, result); // nothing changed (a duplicate order, say): nothing to store or announce
            }
            var outbox = announce?.Invoke(session, result).ToList() ?? [];
            if (await store.TrySaveAsync(session, expectedVersion, outbox))
            {
                await live.InfusionChangedAsync(session.Id);
                await effects.DispatchChangeAsync(outbox);
                return (session, result);
            }
        }
        throw new PreconditionFailedException("CONCURRENT_UPDATE", "The infusion kept changing while this request was applied; retry.");
    }

    /// <summary>Stores a new session as its regimen day's latest; refused if another start got there first.</summary>
    public async Task CreateAsync(InfusionSession session, Guid? previous, string restartReason, string startedBy)
    {
        IReadOnlyList<OutboxEntry> outbox = [InfusionEvents.Started(session)];
        if (!await store.TryCreateAsync(session, previous, restartReason, startedBy, outbox))
        {
            throw new PreconditionFailedException("ALREADY_STARTED",
                $"Another infusion was started for regimen {session.RegimenId} day {session.DayNumber} at the same time; read it and retry if needed.");
        }
        await live.InfusionChangedAsync(session.Id);
        await effects.DispatchChangeAsync(outbox);
    }
}
