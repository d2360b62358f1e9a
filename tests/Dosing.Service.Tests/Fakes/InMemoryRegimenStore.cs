using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.Regimens;
using Ivig.IntegrationEvents;

namespace Ivig.Dosing.Tests.Fakes;

/// <summary>Regimens, their audit entries and the RegimenPlanned outbox in memory, with the Redis store's semantics.</summary>
internal sealed class InMemoryRegimenStore : IRegimenStore, IRegimenPlannedOutbox
{
    private readonly Dictionary<Guid, V1.Regimen> _regimens = [];
    private readonly Dictionary<Guid, RegimenPlanned> _outbox = [];

    public List<AuditEntry> Audit { get; } = [];

    public IReadOnlyCollection<V1.Regimen> Regimens => _regimens.Values;

    public IReadOnlyCollection<RegimenPlanned> Outbox => _outbox.Values;

    public Task AddAsync(V1.Regimen regimen, AuditEntry audit, RegimenPlanned planned, CancellationToken cancellationToken)
    {
        if (!_regimens.TryAdd(planned.RegimenId, regimen.Clone()))
        {
            throw new InvalidOperationException("exists");
        }

        Audit.Add(audit);
        _outbox[planned.RegimenId] = planned;
        return Task.CompletedTask;
    }

    public Task<V1.Regimen?> GetAsync(Guid regimenId, CancellationToken cancellationToken) =>
        Task.FromResult(_regimens.TryGetValue(regimenId, out var regimen) ? regimen.Clone() : null);

    public void Put(V1.Regimen regimen) => _regimens[Guid.Parse(regimen.RegimenId)] = regimen.Clone();

    public void Remove(Guid regimenId) => _regimens.Remove(regimenId);

    public Task MarkPublishedAsync(Guid regimenId, CancellationToken cancellationToken)
    {
        _outbox.Remove(regimenId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RegimenPlanned>> PendingAsync(DateTimeOffset plannedBefore, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RegimenPlanned>>([.. _outbox.Values.Where(p => p.PlannedAt < plannedBefore)]);
}
