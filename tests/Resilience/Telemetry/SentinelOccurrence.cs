namespace Ivig.Resilience.Telemetry;

/// <summary>A sentinel found in telemetry: which one, in which signal of which process, and the text around it.</summary>
public sealed record SentinelOccurrence(string Sentinel, string Signal, string Service, string Context)
{
    public override string ToString() => $"{Sentinel} in {Signal} of {Service}: …{Context}…";
}
