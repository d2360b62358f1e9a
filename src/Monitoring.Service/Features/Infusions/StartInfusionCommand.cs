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
    DosingService.DosingServiceClient dosing, InfusionUpdater updater, IPublishEndpoint publisher, TimeProvider clock,
    ILogger<StartInfusionCommand> logger)
{
    public async Task<StartInfusionResponse> ExecuteAsync(StartInfusionRequest request, CancellationToken cancellationToken)
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
            string.IsNullOrWhiteSpace(request.PremedicationOmittedReason) ? null : request.PremedicationOmittedReason.Trim());

        var session = DomainErrors.Translate(
            () => InfusionSession.Start(Guid.NewGuid(), plan, request.BaselineVitals!.ToDomain(), checks, clock.GetUtcNow()),
            fieldPrefix: "baseline_vitals.");
        await updater.CreateAsync(session);
        await publisher.PublishBoundedAsync(new InfusionStarted(session.Id, Guid.Parse(regimen.RegimenId), session.DayNumber, session.ProductId,
            (double)session.CurrentRateMgPerKgMin, (double)session.CurrentRateMlPerHour, session.StartedAt), logger, cancellationToken);
        return new StartInfusionResponse { Infusion = session.ToProto() };
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
