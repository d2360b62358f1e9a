using Ivig.Dosing.Features.Audit;

namespace Ivig.Dosing.Features.RateOrders;

/// <summary>Rate orders keyed by the reaction they answer: one reaction, one order, across redeliveries and crashes.</summary>
public interface IRateOrderStore
{
    Task<StoredRateOrder?> FindAsync(Guid reactionId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="order"/> with its audit entry if the reaction has no order yet (SET NX semantics), in one
    /// transaction. Returns the order that is stored for the reaction: this one, or the one a concurrent delivery stored first.
    /// </summary>
    Task<StoredRateOrder> AddOrGetAsync(StoredRateOrder order, AuditEntry audit, CancellationToken cancellationToken);
}
