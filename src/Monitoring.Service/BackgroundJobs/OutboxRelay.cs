using Ivig.Monitoring.Features.Outbox;
using Ivig.Monitoring.Infrastructure.Outbox;
using Ivig.Monitoring.Telemetry;

namespace Ivig.Monitoring.BackgroundJobs;

/// <summary>
/// Carries out the outbox entries a request could not (the broker was down, the process died between
/// storing a change and announcing it). Entries younger than <see cref="MinimumAge"/> are left to the
/// request that wrote them. Every effect is idempotent (alerts by their deduplication key, events by
/// their message id downstream), so several replicas running this at once, or a retry, is harmless.
/// </summary>
public sealed class OutboxRelay(IServiceScopeFactory scopes, OutboxStore outbox, MonitoringMetrics metrics, TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinimumAge = TimeSpan.FromSeconds(2);
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RelayOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox relay failed; retrying on the next tick");
            }
        }
    }

    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var waiting = await outbox.PendingAsync(Batch);
        metrics.OutboxWaiting(waiting.Count);
        var due = waiting.Where(e => clock.GetUtcNow() - e.QueuedAt >= MinimumAge).OrderBy(e => e.QueuedAt).ToList();
        if (due.Count == 0)
        {
            return 0;
        }
        await using var scope = scopes.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchBacklogAsync(due, cancellationToken);
        logger.LogInformation("Outbox relay carried out {Count} waiting effect(s)", due.Count);
        return due.Count;
    }
}
