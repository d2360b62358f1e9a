namespace Ivig.Monitoring.Domain;

/// <summary>Vitals as recorded in a session, with the findings they produced against the baseline.</summary>
public sealed record VitalsReading(
    DateTimeOffset RecordedAt,
    Vitals Vitals,
    IReadOnlyList<VitalsFinding> Findings,
    bool IsBaseline,
    long Sequence);
