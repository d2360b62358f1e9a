namespace Ivig.Monitoring.Domain;

/// <summary>What the session does in the same call that records a reaction (section 6).</summary>
public enum ReactionAction
{
    /// <summary>RXN-G1: keep the current rate (titration frozen) until Dosing's rate order arrives.</summary>
    ContinueAwaitingRateOrder,

    /// <summary>RXN-G2: pause.</summary>
    Pause,

    /// <summary>RXN-G3, RXN-G4 (and any anaphylaxis), RXN-MENINGITIS, RXN-THROMBO, RXN-RENAL: stop at once.</summary>
    Stop,
}
