using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.Regimens;
using Ivig.Dosing.Tests.Domain;
using Ivig.ServiceDefaults.Grpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ivig.Dosing.Tests.Fakes;

/// <summary>PlanRegimen wired to fakes: Eligibility, the Redis store and the broker.</summary>
internal sealed class PlanRegimenSetup
{
    public static readonly Caller Prescriber = new("dr-house", "prescriber");

    public PlanRegimenSetup(DosingPolicyOptions? options = null)
    {
        Options = options ?? new DosingPolicyOptions();
        Command = new PlanRegimenCommand(
            ShippedCatalogue.Value,
            new RegimenPlanner(Options),
            Options,
            new DosingRules(Options),
            Eligibility,
            Store,
            new RegimenPlannedPublication(Store, NullLogger<RegimenPlannedPublication>.Instance),
            Publisher,
            Time,
            NullLogger<PlanRegimenCommand>.Instance);
        Query = new GetRegimenQuery(Store);
    }

    public DosingPolicyOptions Options { get; }

    public FakeEligibility Eligibility { get; } = new();

    public InMemoryRegimenStore Store { get; } = new();

    public RecordingPublisher Publisher { get; } = new();

    public FixedTime Time { get; } = FixedTime.At("2025-03-10T08:00:00Z");

    public PlanRegimenCommand Command { get; }

    public GetRegimenQuery Query { get; }

    public Task<V1.PlanRegimenResponse> PlanAsync(V1.PlanRegimenRequest request) =>
        Command.PlanAsync(request, Prescriber, null, CancellationToken.None);

    /// <summary>The worked example of the issue: a 70 kg, 175 cm man with an acute relapse.</summary>
    public static V1.PlanRegimenRequest Man70Kg(Guid assessmentId, string productId = "privigen") => new()
    {
        AssessmentId = assessmentId.ToString("D"),
        ProductId = productId,
        Indication = V1.Indication.AcuteRelapse,
        Sex = V1.Sex.Male,
        HeightCm = 175,
        WeightKg = 70,
    };
}
