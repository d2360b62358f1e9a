using Ivig.Eligibility.V1;

namespace Ivig.Testing;

/// <summary>Patients the tests assess, written once.</summary>
public static class ExamplePatients
{
    /// <summary>
    /// Third-line IVIG for an acute relapse (ELIG-AR-REFRACTORY): steroids and plasma exchange failed,
    /// every risk fact known and negative, so the decision is ELIGIBLE with the standing precautions.
    /// </summary>
    public static PatientFacts RefractoryRelapse(Sex sex = Sex.Female, int ageYears = 38, double heightCm = 165, double weightKg = 70) => new()
    {
        Phenotype = MsPhenotype.Rrms,
        Purpose = TreatmentPurpose.AcuteRelapse,
        PregnancyState = PregnancyState.NotPregnant,
        CorticosteroidsGiven = true,
        CorticosteroidResponse = TreatmentResponse.Inadequate,
        PlasmaExchangeStatus = PlasmaExchangeStatus.Given,
        PlasmaExchangeResponse = TreatmentResponse.Inadequate,
        PriorHypersensitivity = HypersensitivityHistory.None,
        AntiIgaAntibodies = false,
        SerumIgaMgPerDl = 150,
        SerumCreatinineMgPerDl = 0.8,
        // A few days back, so it is never "in the future" whatever the clock's zone.
        CreatinineMeasuredOn = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
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
        Sex = sex,
        AgeYears = ageYears,
        HeightCm = heightCm,
        WeightKg = weightKg,
    };
}
