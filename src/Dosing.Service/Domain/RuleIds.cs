namespace Ivig.Dosing.Domain;

/// <summary>Ids of the clinical rules (rule catalogue sections 2, 5 and 6) that Dosing results name.</summary>
public static class RuleIds
{
    public const string DoseWeight = "DOSE-WEIGHT";
    public const string DoseAcute = "DOSE-ACUTE";
    public const string DoseMaint = "DOSE-MAINT";
    public const string DosePostpartum = "DOSE-POSTPARTUM";
    public const string DoseRound = "DOSE-ROUND";
    public const string DoseCap = "DOSE-CAP";

    public const string PrePremed = "PRE-PREMED";
    public const string PreHydration = "PRE-HYDRATION";

    public const string RxnGrade1 = "RXN-G1";
    public const string RxnGrade2 = "RXN-G2";
    public const string RxnGrade3 = "RXN-G3";
    public const string RxnGrade4 = "RXN-G4";
    public const string RxnMeningitis = "RXN-MENINGITIS";
    public const string RxnThrombo = "RXN-THROMBO";
    public const string RxnRenal = "RXN-RENAL";
}
