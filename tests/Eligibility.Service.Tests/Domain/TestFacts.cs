using Ivig.Eligibility.Domain;

namespace Ivig.Eligibility.Tests.Domain;

/// <summary>Complete patients to vary with <c>with</c>, and the assessment context.</summary>
internal static class TestFacts
{
    public static readonly DateOnly Today = new(2026, 11, 15);

    public static EligibilityContext Context(EligibilityThresholds? thresholds = null) =>
        new(Today, thresholds ?? new EligibilityThresholds());

    /// <summary>Acute relapse refractory to corticosteroids and plasma exchange; every fact known, no risk: ELIGIBLE.</summary>
    public static PatientFacts RefractoryRelapse() => new()
    {
        Phenotype = MsPhenotype.Rrms,
        Purpose = TreatmentPurpose.AcuteRelapse,
        Sex = Sex.Female,
        PregnancyState = PregnancyState.NotPregnant,
        CorticosteroidsGiven = true,
        CorticosteroidResponse = TreatmentResponse.Inadequate,
        PlasmaExchange = PlasmaExchangeStatus.Given,
        PlasmaExchangeResponse = TreatmentResponse.Inadequate,
        DmtFeasible = true,
        SerumIgaMgDl = 150,
        AntiIgaAntibodies = false,
        PriorHypersensitivity = HypersensitivityHistory.None,
        CreatinineMgDl = 0.8,
        CreatinineMeasuredOn = Today.AddDays(-5),
        Egfr = 95,
        KidneyDisease = false,
        Diabetes = false,
        VolumeDepletion = false,
        Sepsis = false,
        Paraproteinemia = false,
        NephrotoxicDrugs = false,
        Immobilization = false,
        HypercoagulableCondition = false,
        PriorThrombosis = false,
        EstrogenUse = false,
        CentralVascularCatheter = false,
        Hyperviscosity = false,
        CardiovascularRiskFactors = false,
        HereditaryFructoseIntolerance = false,
        Hyperprolinemia = false,
        MigraineHistory = false,
        AboGroup = AboGroup.O,
        AgeYears = 40,
        HeightCm = 168,
        WeightKg = 70,
    };

    /// <summary>RRMS relapse prevention, DMTs not feasible, no risk: ELIGIBLE.</summary>
    public static PatientFacts RrmsPreventionDmtNotFeasible() => RefractoryRelapse() with
    {
        Purpose = TreatmentPurpose.RelapsePrevention,
        DmtFeasible = false,
        DmtNotFeasibleReason = "not tolerated",
    };

    /// <summary>Sets one boolean risk factor, named as in <see cref="FactNames"/>, to <paramref name="value"/>.</summary>
    public static PatientFacts WithFactor(this PatientFacts facts, string fact, bool? value) => fact switch
    {
        FactNames.KidneyDisease => facts with { KidneyDisease = value },
        FactNames.Diabetes => facts with { Diabetes = value },
        FactNames.VolumeDepletion => facts with { VolumeDepletion = value },
        FactNames.Sepsis => facts with { Sepsis = value },
        FactNames.Paraproteinemia => facts with { Paraproteinemia = value },
        FactNames.NephrotoxicDrugs => facts with { NephrotoxicDrugs = value },
        FactNames.Immobilization => facts with { Immobilization = value },
        FactNames.HypercoagulableCondition => facts with { HypercoagulableCondition = value },
        FactNames.PriorThrombosis => facts with { PriorThrombosis = value },
        FactNames.EstrogenUse => facts with { EstrogenUse = value },
        FactNames.CentralVascularCatheter => facts with { CentralVascularCatheter = value },
        FactNames.Hyperviscosity => facts with { Hyperviscosity = value },
        FactNames.CardiovascularRiskFactors => facts with { CardiovascularRiskFactors = value },
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, "Not a boolean risk factor."),
    };
}
