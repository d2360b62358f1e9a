using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.RateOrders;

namespace Ivig.Dosing.Tests.Fakes;

/// <summary>Rate orders by reaction id with SET NX semantics; can simulate a concurrent delivery winning the race.</summary>
internal sealed class InMemoryRateOrderStore : IRateOrderStore
{
    private readonly Dictionary<Guid, StoredRateOrder> _orders = [];

    public List<AuditEntry> Audit { get; } = [];

    /// <summary>Stored just before the next AddOrGet, as if another delivery had stored it between Find and AddOrGet.</summary>
    public StoredRateOrder? ConcurrentWinner { get; set; }

    public IReadOnlyCollection<StoredRateOrder> Orders => _orders.Values;

    public Task<StoredRateOrder?> FindAsync(Guid reactionId, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.GetValueOrDefault(reactionId));

    public Task<StoredRateOrder> AddOrGetAsync(StoredRateOrder order, AuditEntry audit, CancellationToken cancellationToken)
    {
        if (ConcurrentWinner is { } winner)
        {
            _orders.TryAdd(winner.Order.ReactionId, winner);
            ConcurrentWinner = null;
        }

        if (_orders.TryAdd(order.Order.ReactionId, order))
        {
            Audit.Add(audit);
        }

        return Task.FromResult(_orders[order.Order.ReactionId]);
    }
}
