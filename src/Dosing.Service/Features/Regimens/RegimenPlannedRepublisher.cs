using Ivig.Dosing.Features.Messaging;

namespace Ivig.Dosing.Features.Regimens;

/// <summary>Publishes the <c>RegimenPlanned</c> events left in the outbox (broker down when the regimen was planned, or a crash in between).</summary>
public sealed class RegimenPlannedRepublisher(
    IServiceScopeFactory scopes,
    IRegimenPlannedOutbox outbox,
    RegimenPlannedPublication publication,
    TimeProvider time,
    ILogger<RegimenPlannedRepublisher> logger) : BackgroundService
{
    /// <summary>How often the outbox is swept, and how old an entry must be: a younger one is probably being published inline.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var pending = await outbox.PendingAsync(time.GetUtcNow() - Interval, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IIntegrationEventPublisher>();
        var published = 0;
        foreach (var planned in pending)
        {
            if (await publication.TryPublishAsync(planned, publisher, cancellationToken))
            {
                published++;
            }
        }

        logger.LogInformation("Outbox sweep: {Published} of {Pending} pending RegimenPlanned events published", published, pending.Count);
        return published;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox sweep failed; retrying in {Interval}", Interval);
            }
        }
    }
}
