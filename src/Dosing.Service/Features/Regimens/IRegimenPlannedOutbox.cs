using Ivig.IntegrationEvents;

namespace Ivig.Dosing.Features.Regimens;

/// <summary>
/// <see cref="RegimenPlanned"/> events stored with their regimen and not yet confirmed published. A broker outage
/// then delays the event instead of losing it; consumers dedupe by RegimenId, since it may arrive twice.
/// </summary>
public interface IRegimenPlannedOutbox
{
    Task MarkPublishedAsync(Guid regimenId, CancellationToken cancellationToken);

    /// <summary>Pending events of regimens planned before <paramref name="plannedBefore"/>.</summary>
    Task<IReadOnlyList<RegimenPlanned>> PendingAsync(DateTimeOffset plannedBefore, CancellationToken cancellationToken);
}
