using Ivig.Eligibility.Tests.Domain;
using Ivig.Eligibility.V1;

namespace Ivig.Eligibility.Tests.Features;

/// <summary>Contract-side patients, every fact known, to vary per test.</summary>
internal static class ProtoFacts
{
    /// <summary>Acute relapse refractory to corticosteroids and plasma exchange, no risk factor: ELIGIBLE.</summary>
    public static PatientFacts RefractoryRelapse() => new()
    {
        Phenotype = MsPhenotype.Rrms,
        Purpose = TreatmentPurpose.AcuteRelapse,
        Sex = Sex.Female,
        PregnancyState = PregnancyState.NotPregnant,
        CorticosteroidsGiven = true,
        CorticosteroidResponse = TreatmentResponse.Inadequate,
        PlasmaExchangeStatus = PlasmaExchangeStatus.Given,
        PlasmaExchangeResponse = TreatmentResponse.Inadequate,
        DmtsFeasible = true,
        SerumIgaMgPerDl = 150,
        AntiIgaAntibodies = false,
        PriorHypersensitivity = HypersensitivityHistory.None,
        SerumCreatinineMgPerDl = 0.8,
        CreatinineMeasuredOn = "2026-11-10",
        EgfrMlPerMin = 95,
        KnownKidneyDisease = false,
        Diabetes = false,
        VolumeDepletion = false,
        Sepsis = false,
        Paraproteinemia = false,
        NephrotoxicDrugs = false,
        ProlongedImmobilization = false,
        HypercoagulableCondition = false,
        PriorThrombosis = false,
        EstrogenUse = false,
        CentralVenousCatheter = false,
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

    /// <summary>SPMS, IVIG to slow progression: NOT_RECOMMENDED (ELIG-PROG).</summary>
    public static PatientFacts SpmsProgression()
    {
        var facts = RefractoryRelapse();
        facts.Phenotype = MsPhenotype.Spms;
        facts.Purpose = TreatmentPurpose.Progression;
        return facts;
    }

    /// <summary>Refractory relapse with prior anaphylaxis to immunoglobulin: CONTRAINDICATED (CI-HYPERSENS).</summary>
    public static PatientFacts Anaphylaxis()
    {
        var facts = RefractoryRelapse();
        facts.PriorHypersensitivity = HypersensitivityHistory.SevereSystemicOrAnaphylaxis;
        return facts;
    }

    /// <summary>Acute relapse, no corticosteroids yet: CONSIDER_ALTERNATIVE_FIRST (ELIG-AR-STEROID).</summary>
    public static PatientFacts RelapseWithoutSteroids()
    {
        var facts = RefractoryRelapse();
        facts.CorticosteroidsGiven = false;
        facts.CorticosteroidResponse = TreatmentResponse.Unspecified;
        facts.PlasmaExchangeStatus = PlasmaExchangeStatus.Unspecified;
        facts.PlasmaExchangeResponse = TreatmentResponse.Unspecified;
        return facts;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Today => TestFacts.Today;
}
