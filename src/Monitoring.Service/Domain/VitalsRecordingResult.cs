namespace Ivig.Monitoring.Domain;

/// <summary>
/// The result of recording vitals: every finding, and the reactions detected from them (each one handled
/// exactly like a reported reaction; see <see cref="ReactionOutcome"/>). Warning-only findings
/// (VIT-HYPERTENSION) appear in <see cref="Findings"/> without a reaction.
/// </summary>
public sealed record VitalsRecordingResult(
    VitalsReading Reading,
    IReadOnlyList<VitalsFinding> Findings,
    IReadOnlyList<ReactionOutcome> DetectedReactions);
