using Ivig.Dosing.Features.Audit;
using Ivig.IntegrationEvents;

namespace Ivig.Dosing.Features.Regimens;

/// <summary>Regimens, stored as the contract's message (what the prescriber was shown). Immutable and never expiring.</summary>
public interface IRegimenStore
{
    /// <summary>
    /// Stores a new regimen, its audit entry and its not-yet-published <see cref="RegimenPlanned"/> in one transaction:
    /// a regimen never exists without its audit entry, nor without the event that announces it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A regimen with this id exists; it is never overwritten.</exception>
    Task AddAsync(V1.Regimen regimen, AuditEntry audit, RegimenPlanned planned, CancellationToken cancellationToken);

    Task<V1.Regimen?> GetAsync(Guid regimenId, CancellationToken cancellationToken);
}
