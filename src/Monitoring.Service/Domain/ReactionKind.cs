namespace Ivig.Monitoring.Domain;

/// <summary>
/// What kind of reaction. <see cref="InfusionRelated"/> is handled by its grade (RXN-G1..G4); the others
/// stop the infusion whatever the grade (RXN-G4 for anaphylaxis, RXN-MENINGITIS, RXN-THROMBO, RXN-RENAL).
/// </summary>
public enum ReactionKind
{
    InfusionRelated,
    Anaphylaxis,
    AsepticMeningitis,
    Thrombosis,
    RenalDysfunction,
}
