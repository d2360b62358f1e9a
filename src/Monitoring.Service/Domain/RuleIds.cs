namespace Ivig.Monitoring.Domain;

/// <summary>
/// Rule ids of the catalogue (shared/clinical/ivig-ms-rules.md sections 6 and 7) and the two product
/// rules of this service. Code names the rule id; the numbers live in options.
/// </summary>
public static class RuleIds
{
    // Section 6: reactions.
    public const string ReactionGrade1 = "RXN-G1";
    public const string ReactionGrade2 = "RXN-G2";
    public const string ReactionGrade3 = "RXN-G3";
    public const string ReactionGrade4 = "RXN-G4";
    public const string ReactionMeningitis = "RXN-MENINGITIS";
    public const string ReactionThrombosis = "RXN-THROMBO";
    public const string ReactionRenal = "RXN-RENAL";

    // Section 7: vital signs.
    public const string VitalsFever = "VIT-FEVER";
    public const string VitalsHypotension = "VIT-HYPOTENSION";
    public const string VitalsHypertension = "VIT-HYPERTENSION";
    public const string VitalsTachycardia = "VIT-TACHY";
    public const string VitalsHypoxia = "VIT-HYPOXIA";
    public const string VitalsTachypnoea = "VIT-TACHYPNOEA";

    // Product rules (not clinical): overdue vitals warning and the missing rate order escalation.
    public const string VitalsOverdue = "VIT-OVERDUE";
    public const string RateOrderDeadline = "RXN-ORDER-DEADLINE";
}
