using Google.Rpc;
using Grpc.Core;
using Ivig.Dosing.Tests.Fakes;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.IntegrationEvents;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ivig.Dosing.Tests.Functional;

/// <summary>The service as a caller meets it: gRPC statuses with rich details, regimens read back, one order per reaction.</summary>
public sealed class DosingServiceTests : IAsyncLifetime
{
    private readonly DosingServiceFactory _factory = new();
    private DosingService.DosingServiceClient _client = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _client = new DosingService.DosingServiceClient(_factory.Channel());
        _harness = _factory.Services.GetTestHarness();
        await _harness.Start();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static readonly Metadata Prescriber = Ivig.Testing.DevTokens.For("dr-house", "prescriber");

    private Guid Assessment(Decision decision, Action<Eligibility.V1.ProductConstraints>? constraints = null) =>
        _factory.Eligibility.Add(FakeEligibility.Assessment(decision, constraints));

    [Fact]
    public async Task A_regimen_is_planned_read_back_and_announced()
    {
        var planned = (await _client.PlanRegimenAsync(PlanRegimenSetup.Man70Kg(Assessment(Decision.Eligible)), Prescriber)).Regimen;

        var read = (await _client.GetRegimenAsync(new GetRegimenRequest { RegimenId = planned.RegimenId })).Regimen;

        Assert.Equal(planned, read);
        Assert.Equal(5, read.Days.Count);
        Assert.Equal(30.0, read.Days[0].Grams);
        Assert.Equal(21.0, read.Ladder[0].Rate.MlPerHour);
        Assert.Equal("dr-house", read.PlannedBy.Subject);
        Assert.True(await _harness.Published.Any<RegimenPlanned>(m => m.Context.Message.RegimenId == Guid.Parse(planned.RegimenId)));
    }

    [Fact]
    public async Task A_bad_weight_is_InvalidArgument_with_a_field_violation()
    {
        var request = PlanRegimenSetup.Man70Kg(Assessment(Decision.Eligible));
        request.WeightKg = double.NaN;

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.PlanRegimenAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["weight_kg"], ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.Empty(_factory.Regimens.Regimens);
    }

    [Fact]
    public async Task A_contraindicated_assessment_is_FailedPrecondition_naming_the_condition()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(
            () => _client.PlanRegimenAsync(PlanRegimenSetup.Man70Kg(Assessment(Decision.Contraindicated))).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("ASSESSMENT_CONTRAINDICATED", Assert.Single(ex.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations).Type);
    }

    [Fact]
    public async Task An_unknown_assessment_is_NotFound_and_eligibility_down_is_Unavailable()
    {
        var notFound = await Assert.ThrowsAsync<RpcException>(() => _client.PlanRegimenAsync(PlanRegimenSetup.Man70Kg(Guid.NewGuid())).ResponseAsync);
        _factory.Eligibility.Down = true;
        var down = await Assert.ThrowsAsync<RpcException>(() => _client.PlanRegimenAsync(PlanRegimenSetup.Man70Kg(Guid.NewGuid())).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(StatusCode.Unavailable, down.StatusCode);
    }

    [Fact]
    public async Task ListProducts_applies_the_assessments_constraints()
    {
        var id = Assessment(Decision.EligibleWithPrecautions, c => c.MaxIgaMicrogramsPerMl = 25);

        var reply = await _client.ListProductsAsync(new ListProductsRequest { AssessmentId = id.ToString() });

        Assert.Equal(["privigen"], reply.Products.Select(p => p.ProductId));
    }

    [Fact]
    public async Task A_reaction_delivered_twice_gives_one_order_id()
    {
        var regimen = (await _client.PlanRegimenAsync(PlanRegimenSetup.Man70Kg(Assessment(Decision.Eligible)))).Regimen;
        var reaction = new InfusionReactionReported(Guid.NewGuid(), Guid.NewGuid(), Guid.Parse(regimen.RegimenId), "InfusionRelated", 1, "RXN-G1",
            "Nurse", 4, 2, false, DateTimeOffset.UtcNow);

        await _harness.Bus.Publish(reaction);
        Assert.True(await _harness.Published.Any<InfusionRateAdjustmentOrdered>(m => m.Context.Message.ReactionId == reaction.ReactionId));
        await _harness.Bus.Publish(reaction);
        Assert.True(await _harness.Consumed.Any<InfusionReactionReported>(m => m.Context.Message.ReactionId == reaction.ReactionId));
        await _harness.InactivityTask;

        var orders = _harness.Published.Select<InfusionRateAdjustmentOrdered>(m => m.Context.Message.ReactionId == reaction.ReactionId)
            .Select(m => m.Context.Message).ToList();
        Assert.Equal(2, orders.Count);
        Assert.Single(orders.Select(o => o.OrderId).Distinct());
        Assert.Equal(("Slow", 2.0, 84.0), (orders[0].Action, orders[0].NewRateMgPerKgPerMin, orders[0].NewRateMlPerHour));
    }

    [Fact]
    public void A_bad_policy_stops_the_service_at_start_up()
    {
        using var factory = new DosingServiceFactory().With("Dosing:Policy:Grade1SlowFactor", "2");

        var ex = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Grade1SlowFactor 2 must be above 0 and below 1", ex.ToString(), StringComparison.Ordinal);
    }
}
