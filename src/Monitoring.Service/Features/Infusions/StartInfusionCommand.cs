using Ivig.Monitoring.Infrastructure;
using Ivig.ServiceDefaults.Messaging;
using Grpc.Core;
using Ivig.Dosing.V1;
using Ivig.IntegrationEvents;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;
using MassTransit;
using DomainStep = Ivig.Monitoring.Domain.TitrationStep;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>
/// StartInfusion: fetches the regimen from Dosing, checks the pre-infusion conditions (baseline vitals,
/// hydration, premedication or a documented reason) and starts at the ladder's first step.
/// </summary>
public sealed class StartInfusionCommand(
    DosingService.DosingServiceClient dosing, InfusionUpdater updater, InfusionStore store,
    TimeProvider clock, ILogger<StartInfusionCommand> logger)
{
    public async Task<StartInfusionResponse> ExecuteAsync(StartInfusionRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var violations = new List<ServiceDefaults.Grpc.FieldViolation>();
        if (!Guid.TryParse(request.RegimenId, out _))
        {
            violations.Add(new("regimen_id", "Must be the id of a planned regimen."));
        }
        if (request.Day < 1)
        {
            violations.Add(new("day", "Must be 1 or more (the day of the course)."));
        }
        if (request.BaselineVitals is null)
        {
            violations.Add(new("baseline_vitals", "Baseline vitals are required before the start."));
        }
        RequestValidationException.ThrowIfAny(violations);

        var regimen = await FetchRegimenAsync(request.RegimenId, cancellationToken);
        if (request.Day > regimen.Days.Count)
        {
            throw new RequestValidationException([new("day", $"The regimen has {regimen.Days.Count} infusion day(s).")]);
        }

        var previous = await EnsureDayMayStartAsync(regimen.RegimenId, request.Day, FreeText.Readable(request.RestartReason));

        var plan = new InfusionPlan(
            regimen.RegimenId,
            request.Day,
            regimen.PatientReference,
            regimen.Product.ProductId,
            (decimal)regimen.DosingWeightKg,
            (decimal)regimen.Product.ConcentrationPercent * 10m,
            regimen.Ladder.Select(s => new DomainStep(
                (decimal)s.Rate.MgPerKgPerMin, (decimal)s.Rate.MlPerHour, s.HasDurationMinutes ? (int)s.DurationMinutes : null)).ToList(),
            regimen.AtRiskCapApplied ? (decimal)regimen.Product.AtRiskCapMgPerKgPerMin : null,
            (decimal)regimen.Product.MaxRateMgPerKgPerMin);
        var checks = new PreInfusionChecks(request.HydrationConfirmed, request.PremedicationGiven,
            FreeText.Readable(request.PremedicationOmittedReason) is { Length: > 0 } omitted ? omitted : null);

        var session = DomainErrors.Translate(
            () => InfusionSession.Start(Guid.NewGuid(), plan, request.BaselineVitals!.ToDomain(), checks, clock.GetUtcNow()),
            fieldPrefix: ""); // the domain already names baseline_vitals.<field>
        var restartReason = FreeText.Readable(request.RestartReason);
        await updater.CreateAsync(session, previous, restartReason, caller.Subject);
        if (previous is not null)
        {
            logger.LogWarning("Regimen day restarted: infusion {InfusionId} follows stopped infusion {PreviousInfusionId}, by {Subject}",
                session.Id, previous, caller.Subject);
        }
        return new StartInfusionResponse { Infusion = session.ToProto() };
    }

    /// <summary>
    /// One infusion at a time per regimen day. A completed day is done; a stopped day (a reaction, a
    /// clinician's stop) starts again only as a clinician's explicit decision with a recorded reason.
    /// </summary>
    private async Task<Guid?> EnsureDayMayStartAsync(string regimenId, int day, string restartReason)
    {
        if (await store.LatestForRegimenDayAsync(regimenId, day) is not { } latestId
            || await store.FindAsync(latestId) is not { } latest)
        {
            return null;
        }
        if (latest.IsActive)
        {
            throw new PreconditionFailedException("ALREADY_ACTIVE", $"Day {day} of this regimen already has an active infusion ({latest.Id}).");
        }
        if (latest.State == Domain.InfusionState.Completed)
        {
            throw new PreconditionFailedException("DAY_COMPLETED", $"Day {day} of this regimen was completed ({latest.Id}).");
        }
        if (string.IsNullOrWhiteSpace(restartReason))
        {
            throw new PreconditionFailedException("RESTART_REASON_REQUIRED",
                $"Day {day} of this regimen was stopped ({latest.EndReason}); starting it again is a clinician's explicit decision: give restart_reason.");
        }
        return latest.Id;
    }

    private async Task<Regimen> FetchRegimenAsync(string regimenId, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await dosing.GetRegimenAsync(new GetRegimenRequest { RegimenId = regimenId },
                deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
            return reply.Regimen;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new PreconditionFailedException("REGIMEN_NOT_FOUND", $"Regimen {regimenId} does not exist in Dosing.");
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "Dosing is unavailable; the regimen cannot be fetched. Retry."));
        }
    }
}
