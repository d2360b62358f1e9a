using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;
using RateChange = Ivig.Monitoring.Domain.RateChange;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>
/// A clinician's explicit rate actions: advance one titration step, pause, resume, stop, complete.
/// The domain refuses each when its conditions fail (FailedPrecondition naming the condition).
/// </summary>
public sealed class RateCommands(InfusionUpdater updater, VitalsSchedule schedule, ReactionPolicyOptions reactionPolicy)
{
    public Task<Infusion> AdvanceAsync(string infusionId) =>
        ChangeRateAsync(infusionId, (s, now) => s.AdvanceTitration(schedule, now));

    public Task<Infusion> PauseAsync(string infusionId, string reason) =>
        ChangeRateAsync(infusionId, (s, now) => s.Pause(FreeText.Readable(reason) is { Length: > 0 } readable ? readable : null, now));

    public Task<Infusion> ResumeAsync(string infusionId, double rateMgPerKgPerMin)
    {
        if (!(rateMgPerKgPerMin > 0) || !double.IsFinite(rateMgPerKgPerMin) || rateMgPerKgPerMin > 1000)
        {
            throw new RequestValidationException([new("rate_mg_per_kg_per_min", "Must be a positive rate.")]);
        }
        return ChangeRateAsync(infusionId, (s, now) => s.Resume((decimal)rateMgPerKgPerMin, reactionPolicy, now));
    }

    public Task<Infusion> StopAsync(string infusionId, string reason)
    {
        var readable = FreeText.Readable(reason);
        if (readable.Length == 0)
        {
            throw new RequestValidationException([new("reason", "Say why the infusion is stopped.")]);
        }
        return ChangeRateAsync(infusionId, (s, now) => s.Stop(readable, now));
    }

    public Task<Infusion> CompleteAsync(string infusionId) =>
        ChangeRateAsync(infusionId, (s, now) => s.Complete(now), completes: true);

    private async Task<Infusion> ChangeRateAsync(string infusionId, Func<InfusionSession, DateTimeOffset, RateChange> change, bool completes = false)
    {
        var id = InfusionIds.Parse(infusionId);
        decimal previous = 0;
        var (session, _) = await updater.UpdateAsync(id, (s, now) =>
        {
            previous = s.CurrentRateMgPerKgMin;
            return change(s, now);
        }, (s, rateChange) => completes
            ? [InfusionEvents.RateChanged(s, previous, rateChange), InfusionEvents.Completed(s, rateChange.At)]
            : [InfusionEvents.RateChanged(s, previous, rateChange)]);
        return session.ToProto();
    }
}
