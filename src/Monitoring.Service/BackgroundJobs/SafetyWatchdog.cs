using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Alerts;
using Ivig.Monitoring.Features.Infusions;
using Ivig.Monitoring.Features.Outbox;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.Telemetry;

namespace Ivig.Monitoring.BackgroundJobs;

/// <summary>
/// Safety must not depend on a message arriving or a nurse remembering: every few seconds this checks
/// each active infusion that is due (its vitals overdue: WARNING; a reaction whose rate order from Dosing
/// has not arrived within the deadline: CRITICAL escalation). Storage indexes active infusions by when they
/// next need a look (<see cref="SafetyCheckSchedule"/>), so a sweep reads the due ones, not every active
/// infusion. Alerts are deduplicated, so several replicas running this job raise each alert once.
/// </summary>
public sealed class SafetyWatchdog(
    IServiceScopeFactory scopes, MonitoringMetrics metrics, InfusionStore store, VitalsSchedule schedule,
    ReactionPolicyOptions policy, SafetyCheckSchedule checks, TimeProvider clock, ILogger<SafetyWatchdog> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        var indexed = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!indexed)
                {
                    // Infusions stored before the check-due index existed are due at once, then scheduled.
                    await store.IndexUnscheduledAsync();
                    indexed = true;
                }
                await SweepAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Safety sweep failed; retrying on the next tick");
            }
        }
    }

    private async Task SweepAsync()
    {
        // Publishing is scoped in MassTransit: one scope per sweep.
        using var scope = scopes.CreateScope();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertRaiser>();
        var updater = scope.ServiceProvider.GetRequiredService<InfusionUpdater>();
        var due = await store.DueForCheckAsync(clock.GetUtcNow());
        foreach (var batch in due.Chunk(Batch))
        {
            var sessions = await store.FindManyAsync(batch);
            for (var i = 0; i < batch.Length; i++)
            {
                // One infusion's failure (a concurrent update, a Redis hiccup) must not stop the sweep
                // for every infusion after it; it stays due and is looked at again on the next sweep.
                try
                {
                    if (sessions[i] is not { } session)
                    {
                        await store.RescheduleCheckAsync(batch[i], -1, null);
                        continue;
                    }
                    var now = clock.GetUtcNow();
                    await CheckAsync(session, now, alerts, updater);
                    await store.RescheduleCheckAsync(session.Id, session.Version, checks.NextCheckAfter(session, now));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Safety check of infusion {InfusionId} failed; retrying on the next sweep", batch[i]);
                }
            }
        }
        metrics.ActiveInfusionsCounted(await store.CountActiveAsync());
    }

    private async Task CheckAsync(InfusionSession session, DateTimeOffset now, AlertRaiser alerts, InfusionUpdater updater)
    {
        if (session.VitalsDue(schedule, now) is { IsOverdue: true } due)
        {
            await alerts.RaiseAsync(AlertFactory.ForOverdueVitals(session.Id, due, now));
        }
        if (session.NextRateOrderDeadline(policy) is { } deadline && deadline <= now)
        {
            // The escalation alert is stored with the escalation itself (outbox): never one without the other.
            await updater.UpdateAsync(session.Id, (s, at) => s.EscalateOverdueRateOrders(policy, at),
                (s, overdue) => overdue.Select(reaction => OutboxEntries.RaiseAlert(AlertFactory.ForMissingRateOrder(s.Id, reaction, policy, now), now)));
        }
    }
}
