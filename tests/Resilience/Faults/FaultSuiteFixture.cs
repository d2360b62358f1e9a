using Ivig.EndToEnd;

namespace Ivig.Resilience.Faults;

/// <summary>
/// The real suite for fault injection: one client (the test) sends far more than a clinical client's
/// rate, so the gateway's per-client limit is lifted; everything else is the production wiring.
/// The services reach RabbitMQ through a <see cref="DelayProxy"/> (no delay unless a test sets one).
/// </summary>
public class FaultSuiteFixture : SuiteFixture
{
    private readonly int _brokerPort = DelayProxy.FreePort();
    private readonly int _routePort = DelayProxy.FreePort();

    public DelayProxy BrokerRoute { get; private set; } = null!;

    protected override IEnumerable<string> AdditionalArguments =>
    [
        "Gateway:Protection:RequestsPerSecondPerClient=1000000", "Gateway:Protection:BurstPerClient=1000000",
        $"Infrastructure:RabbitMqPort={_brokerPort}", $"Infrastructure:MessagingRoutePort={_routePort}",
    ];

    public override async Task InitializeAsync()
    {
        BrokerRoute = new DelayProxy(_routePort, _brokerPort);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await BrokerRoute.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultSuiteFixture>
{
    public const string Name = "faults";
}

/// <summary>
/// A suite of its own for the stalled-broker test: after a long stall, a service's bus may still be
/// draining abandoned publishes, and that must not colour the kill tests that follow.
/// </summary>
public sealed class StalledBrokerSuiteFixture : FaultSuiteFixture;

[CollectionDefinition(Name)]
public sealed class StalledBrokerCollection : ICollectionFixture<StalledBrokerSuiteFixture>
{
    public const string Name = "stalled-broker";
}
