using Ivig.EndToEnd;

namespace Ivig.Resilience.Telemetry;

/// <summary>
/// The real suite with every process exporting its telemetry to an <see cref="OtlpCaptureReceiver"/>
/// (AppHost setting Telemetry:CaptureEndpoint). The receiver starts first, so the settings carry its port
/// and nothing a process exports at start-up is lost.
/// </summary>
public sealed class TelemetryCaptureSuiteFixture : SuiteFixture, IAsyncLifetime
{
    public OtlpCaptureReceiver Receiver { get; private set; } = null!;

    protected override IEnumerable<string> AdditionalArguments =>
        [$"Telemetry:CaptureEndpoint={Receiver.Address.GetLeftPart(UriPartial.Authority)}"];

    public new async Task InitializeAsync()
    {
        Receiver = await OtlpCaptureReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryCaptureCollection : ICollectionFixture<TelemetryCaptureSuiteFixture>
{
    public const string Name = "telemetry-capture";
}
