namespace Ivig.Resilience.Telemetry;

/// <summary>
/// A leak the scan found, reported and awaiting a fix in the services: tolerated only where it was found
/// (that sentinel, signal and process, next to one of those attribute keys or log templates), so any other occurrence
/// still fails the scan. Remove the entry once fixed; the test prints a reminder when it no longer occurs.
/// </summary>
public sealed record KnownLeak(string Id, string Sentinel, string Signal, IReadOnlyList<string> Services, IReadOnlyList<string> Markers, string Description)
{
    public bool Explains(SentinelOccurrence occurrence) =>
        occurrence.Sentinel == Sentinel && occurrence.Signal == Signal && Services.Contains(occurrence.Service)
        && Markers.Any(m => occurrence.Context.Contains(m, StringComparison.Ordinal));
}

/// <summary>The open telemetry leaks (reported with the scan).</summary>
public static class KnownLeaks
{
    // L1 (patient reference in url.query) and L2 (bad-field values in ServerCallHandler logs) were fixed:
    // query redaction is forced on in ServiceDefaults, and error texts no longer echo the caller's values.
    public static IReadOnlyList<KnownLeak> All { get; } = [];

    public static KnownLeak? For(SentinelOccurrence occurrence) => All.FirstOrDefault(l => l.Explains(occurrence));
}
