using Ivig.EndToEnd;

namespace Ivig.Resilience.Faults;

/// <summary>
/// The real suite for fault injection: one client (the test) sends far more than a clinical client's
/// rate, so the gateway's per-client limit is lifted; everything else is the production wiring.
/// </summary>
public sealed class FaultSuiteFixture : SuiteFixture
{
    protected override IEnumerable<string> AdditionalArguments =>
        ["Gateway:Protection:RequestsPerSecondPerClient=1000000", "Gateway:Protection:BurstPerClient=1000000"];
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultSuiteFixture>
{
    public const string Name = "faults";
}
