using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Alerts;
using Ivig.Monitoring.Features.Infusions;
using Ivig.Monitoring.Features.Outbox;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.Telemetry;

namespace Ivig.Monitoring.BackgroundJobs;

/// <summary>
/// Safety must not depend on a message arriving or a nurse remembering: every few seconds this checks
/// each active infusion for overdue vitals (WARNING) and for reactions whose rate order from Dosing has
/// not arrived within the deadline (CRITICAL escalation). Alerts are deduplicated, so several replicas
/// running this job raise each alert once.
/// </summary>
public sealed class SafetyWatchdog(
    IServiceScopeFactory scopes, MonitoringMetrics metrics, InfusionStore store, VitalsSchedule schedule,
    ReactionPolicyOptions policy, TimeProvider clock, ILogger<SafetyWatchdog> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
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
        var active = 0L;
        for (var offset = 0; ; offset += Batch)
        {
            var (sessions, hasMore) = await store.ListActiveAsync(offset, Batch);
            active += sessions.Count;
            foreach (var session in sessions)
            {
                // One infusion's failure (a concurrent update, a Redis hiccup) must not stop the sweep
                // for every infusion after it.
                try
                {
                    await CheckAsync(session, alerts, updater);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Safety check of infusion {InfusionId} failed; retrying on the next sweep", session.Id);
                }
            }
            if (!hasMore)
            {
                metrics.ActiveInfusionsCounted(active);
                return;
            }
        }
    }

    private async Task CheckAsync(InfusionSession session, AlertRaiser alerts, InfusionUpdater updater)
    {
        var now = clock.GetUtcNow();
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
