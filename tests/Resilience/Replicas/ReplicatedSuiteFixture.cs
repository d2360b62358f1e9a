using Ivig.EndToEnd;

namespace Ivig.Resilience.Replicas;

/// <summary>The suite with two copies of every service and of the gateway (Suite:Replicas=2).</summary>
public sealed class ReplicatedSuiteFixture : SuiteFixture
{
    public const int Replicas = 2;

    protected override IEnumerable<string> AdditionalArguments =>
        [$"Suite:Replicas={Replicas}", "Gateway:Protection:RequestsPerSecondPerClient=1000000", "Gateway:Protection:BurstPerClient=1000000"];
}

[CollectionDefinition(Name)]
public sealed class ReplicatedCollection : ICollectionFixture<ReplicatedSuiteFixture>
{
    public const string Name = "replicas";
}
