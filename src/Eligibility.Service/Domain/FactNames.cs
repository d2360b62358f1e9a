namespace Ivig.Eligibility.Domain;

/// <summary>
/// The names under which facts are reported as missing: the camelCase names of the
/// <see cref="PatientFacts"/> properties (also the names in the canonical JSON of <see cref="FactsHasher"/>).
/// </summary>
public static class FactNames
{
    public const string Phenotype = "phenotype";
    public const string Purpose = "purpose";
    public const string PregnancyState = "pregnancyState";
    public const string DeliveryDate = "deliveryDate";
    public const string CorticosteroidsGiven = "corticosteroidsGiven";
    public const string CorticosteroidResponse = "corticosteroidResponse";
    public const string PlasmaExchange = "plasmaExchange";
    public const string PlasmaExchangeResponse = "plasmaExchangeResponse";
    public const string DmtFeasible = "dmtFeasible";
    public const string DmtNotFeasibleReason = "dmtNotFeasibleReason";
    public const string SerumIgaMgDl = "serumIgaMgDl";
    public const string AntiIgaAntibodies = "antiIgaAntibodies";
    public const string PriorHypersensitivity = "priorHypersensitivity";
    public const string CreatinineMgDl = "creatinineMgDl";
    public const string CreatinineMeasuredOn = "creatinineMeasuredOn";
    public const string Egfr = "egfr";
    public const string KidneyDisease = "kidneyDisease";
    public const string Diabetes = "diabetes";
    public const string VolumeDepletion = "volumeDepletion";
    public const string Sepsis = "sepsis";
    public const string Paraproteinemia = "paraproteinemia";
    public const string NephrotoxicDrugs = "nephrotoxicDrugs";
    public const string Immobilization = "immobilization";
    public const string HypercoagulableCondition = "hypercoagulableCondition";
    public const string PriorThrombosis = "priorThrombosis";
    public const string EstrogenUse = "estrogenUse";
    public const string CentralVascularCatheter = "centralVascularCatheter";
    public const string Hyperviscosity = "hyperviscosity";
    public const string CardiovascularRiskFactors = "cardiovascularRiskFactors";
    public const string HereditaryFructoseIntolerance = "hereditaryFructoseIntolerance";
    public const string Hyperprolinemia = "hyperprolinemia";
    public const string MigraineHistory = "migraineHistory";
    public const string AboGroup = "aboGroup";
    public const string Sex = "sex";
    public const string AgeYears = "ageYears";
    public const string HeightCm = "heightCm";
    public const string WeightKg = "weightKg";
    public const string PrePregnancyWeightKg = "prePregnancyWeightKg";
    public const string PlannedCourseTotalGPerKg = "plannedCourseTotalGPerKg";
}
