using System.Globalization;
using D = Ivig.Eligibility.Domain;
using P = Ivig.Eligibility.V1;

namespace Ivig.Eligibility.Grpc;

/// <summary>
/// PatientFacts between the contract and the domain. Unspecified enums, unset optionals and empty strings
/// are unknown (null), never false (catalogue section 1). Expects facts that passed
/// <see cref="Features.Assessments.AssessEligibilityValidator"/>. The thresholds are needed for one reading
/// only: that of the coarse hypersensitivity flag (see <see cref="PriorHypersensitivity"/>).
/// </summary>
internal static class FactsMapping
{
    public const string DateFormat = "yyyy-MM-dd";

    public static D.PatientFacts ToDomain(this P.PatientFacts f, D.EligibilityThresholds thresholds) => new()
    {
        Phenotype = f.Phenotype switch
        {
            P.MsPhenotype.Cis => D.MsPhenotype.Cis,
            P.MsPhenotype.Rrms => D.MsPhenotype.Rrms,
            P.MsPhenotype.Spms => D.MsPhenotype.Spms,
            P.MsPhenotype.Ppms => D.MsPhenotype.Ppms,
            _ => null,
        },
        Purpose = f.Purpose switch
        {
            P.TreatmentPurpose.AcuteRelapse => D.TreatmentPurpose.AcuteRelapse,
            P.TreatmentPurpose.RelapsePrevention => D.TreatmentPurpose.RelapsePrevention,
            P.TreatmentPurpose.Progression => D.TreatmentPurpose.Progression,
            _ => null,
        },
        PregnancyState = f.PregnancyState switch
        {
            P.PregnancyState.NotPregnant => D.PregnancyState.NotPregnant,
            P.PregnancyState.Pregnant => D.PregnancyState.Pregnant,
            P.PregnancyState.Postpartum => D.PregnancyState.Postpartum,
            P.PregnancyState.Breastfeeding => D.PregnancyState.Breastfeeding,
            _ => null,
        },
        DeliveryDate = ParseDate(f.DeliveryDate),
        CorticosteroidsGiven = f.HasCorticosteroidsGiven ? f.CorticosteroidsGiven : null,
        CorticosteroidResponse = ToDomain(f.CorticosteroidResponse),
        PlasmaExchange = f.PlasmaExchangeStatus switch
        {
            P.PlasmaExchangeStatus.NotTried => D.PlasmaExchangeStatus.NotTried,
            P.PlasmaExchangeStatus.Given => D.PlasmaExchangeStatus.Given,
            P.PlasmaExchangeStatus.Contraindicated => D.PlasmaExchangeStatus.Contraindicated,
            P.PlasmaExchangeStatus.Unavailable => D.PlasmaExchangeStatus.Unavailable,
            _ => null,
        },
        PlasmaExchangeResponse = ToDomain(f.PlasmaExchangeResponse),
        DmtFeasible = f.HasDmtsFeasible ? f.DmtsFeasible : null,
        DmtNotFeasibleReason = string.IsNullOrWhiteSpace(f.DmtsNotFeasibleReason) ? null : f.DmtsNotFeasibleReason.Trim(),
        SerumIgaMgDl = f.HasSerumIgaMgPerDl ? f.SerumIgaMgPerDl : null,
        AntiIgaAntibodies = f.HasAntiIgaAntibodies ? f.AntiIgaAntibodies : null,
        PriorHypersensitivity = PriorHypersensitivity(f, thresholds),
        CreatinineMgDl = f.HasSerumCreatinineMgPerDl ? f.SerumCreatinineMgPerDl : null,
        CreatinineMeasuredOn = ParseDate(f.CreatinineMeasuredOn),
        Egfr = f.HasEgfrMlPerMin ? f.EgfrMlPerMin : null,
        KidneyDisease = f.HasKnownKidneyDisease ? f.KnownKidneyDisease : null,
        Diabetes = f.HasDiabetes ? f.Diabetes : null,
        VolumeDepletion = f.HasVolumeDepletion ? f.VolumeDepletion : null,
        Sepsis = f.HasSepsis ? f.Sepsis : null,
        Paraproteinemia = f.HasParaproteinemia ? f.Paraproteinemia : null,
        NephrotoxicDrugs = f.HasNephrotoxicDrugs ? f.NephrotoxicDrugs : null,
        Immobilization = f.HasProlongedImmobilization ? f.ProlongedImmobilization : null,
        HypercoagulableCondition = f.HasHypercoagulableCondition ? f.HypercoagulableCondition : null,
        PriorThrombosis = f.HasPriorThrombosis ? f.PriorThrombosis : null,
        EstrogenUse = f.HasEstrogenUse ? f.EstrogenUse : null,
        CentralVascularCatheter = f.HasCentralVenousCatheter ? f.CentralVenousCatheter : null,
        Hyperviscosity = f.HasHyperviscosity ? f.Hyperviscosity : null,
        CardiovascularRiskFactors = f.HasCardiovascularRiskFactors ? f.CardiovascularRiskFactors : null,
        HereditaryFructoseIntolerance = f.HasHereditaryFructoseIntolerance ? f.HereditaryFructoseIntolerance : null,
        Hyperprolinemia = f.HasHyperprolinemia ? f.Hyperprolinemia : null,
        MigraineHistory = f.HasMigraineHistory ? f.MigraineHistory : null,
        AboGroup = f.AboGroup switch
        {
            P.AboGroup.O => D.AboGroup.O,
            P.AboGroup.A => D.AboGroup.A,
            P.AboGroup.B => D.AboGroup.B,
            P.AboGroup.Ab => D.AboGroup.AB,
            _ => null,
        },
        Sex = f.Sex switch
        {
            P.Sex.Male => D.Sex.Male,
            P.Sex.Female => D.Sex.Female,
            _ => null,
        },
        AgeYears = f.HasAgeYears ? f.AgeYears : null,
        HeightCm = f.HasHeightCm ? f.HeightCm : null,
        WeightKg = f.HasWeightKg ? f.WeightKg : null,
        PrePregnancyWeightKg = f.HasPrePregnancyWeightKg ? f.PrePregnancyWeightKg : null,
        PlannedCourseTotalGPerKg = f.HasPlannedCourseTotalGPerKg ? f.PlannedCourseTotalGPerKg : null,
    };

    /// <summary>
    /// The precise field (prior_hypersensitivity) wins. The coarse flag says only whether a reaction was
    /// severe: true is SEVERE_SYSTEMIC_OR_ANAPHYLAXIS; false is read as NONE, which is what callers mean by
    /// it, except where a non-severe reaction would change the decision: with an IgA finding (deficiency or
    /// anti-IgA antibodies) any prior reaction counts for CI-IGA-AB, so there false leaves the history unknown
    /// and the assessment asks for prior_hypersensitivity rather than risk missing a contraindication.
    /// </summary>
    private static D.HypersensitivityHistory? PriorHypersensitivity(P.PatientFacts f, D.EligibilityThresholds thresholds)
    {
        switch (f.PriorHypersensitivity)
        {
            case P.HypersensitivityHistory.None:
                return D.HypersensitivityHistory.None;
            case P.HypersensitivityHistory.NonSevere:
                return D.HypersensitivityHistory.NonSevere;
            case P.HypersensitivityHistory.SevereSystemicOrAnaphylaxis:
                return D.HypersensitivityHistory.SevereSystemicOrAnaphylaxis;
        }

        if (!f.HasPriorSevereHypersensitivityToImmunoglobulin)
        {
            return null;
        }

        if (f.PriorSevereHypersensitivityToImmunoglobulin)
        {
            return D.HypersensitivityHistory.SevereSystemicOrAnaphylaxis;
        }

        var igaFinding = (f.HasAntiIgaAntibodies && f.AntiIgaAntibodies)
            || (f.HasSerumIgaMgPerDl && f.SerumIgaMgPerDl < thresholds.IgaDeficiencyBelowMgDl);
        return igaFinding ? null : D.HypersensitivityHistory.None;
    }

    private static D.TreatmentResponse? ToDomain(P.TreatmentResponse response) => response switch
    {
        P.TreatmentResponse.Adequate => D.TreatmentResponse.Adequate,
        P.TreatmentResponse.Inadequate => D.TreatmentResponse.Inadequate,
        _ => null,
    };

    /// <summary>Strict ISO calendar date; null when empty or not one (the validator has rejected the latter).</summary>
    public static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The facts as assessed, for the stored assessment; unknowns stay unset.</summary>
    public static P.PatientFacts ToProto(this D.PatientFacts f)
    {
        var proto = new P.PatientFacts
        {
            Phenotype = f.Phenotype switch
            {
                D.MsPhenotype.Cis => P.MsPhenotype.Cis,
                D.MsPhenotype.Rrms => P.MsPhenotype.Rrms,
                D.MsPhenotype.Spms => P.MsPhenotype.Spms,
                D.MsPhenotype.Ppms => P.MsPhenotype.Ppms,
                _ => P.MsPhenotype.Unspecified,
            },
            Purpose = f.Purpose switch
            {
                D.TreatmentPurpose.AcuteRelapse => P.TreatmentPurpose.AcuteRelapse,
                D.TreatmentPurpose.RelapsePrevention => P.TreatmentPurpose.RelapsePrevention,
                D.TreatmentPurpose.Progression => P.TreatmentPurpose.Progression,
                _ => P.TreatmentPurpose.Unspecified,
            },
            PregnancyState = f.PregnancyState switch
            {
                D.PregnancyState.NotPregnant => P.PregnancyState.NotPregnant,
                D.PregnancyState.Pregnant => P.PregnancyState.Pregnant,
                D.PregnancyState.Postpartum => P.PregnancyState.Postpartum,
                D.PregnancyState.Breastfeeding => P.PregnancyState.Breastfeeding,
                _ => P.PregnancyState.Unspecified,
            },
            DeliveryDate = FormatDate(f.DeliveryDate),
            CorticosteroidResponse = ToProto(f.CorticosteroidResponse),
            PlasmaExchangeStatus = f.PlasmaExchange switch
            {
                D.PlasmaExchangeStatus.NotTried => P.PlasmaExchangeStatus.NotTried,
                D.PlasmaExchangeStatus.Given => P.PlasmaExchangeStatus.Given,
                D.PlasmaExchangeStatus.Contraindicated => P.PlasmaExchangeStatus.Contraindicated,
                D.PlasmaExchangeStatus.Unavailable => P.PlasmaExchangeStatus.Unavailable,
                _ => P.PlasmaExchangeStatus.Unspecified,
            },
            PlasmaExchangeResponse = ToProto(f.PlasmaExchangeResponse),
            DmtsNotFeasibleReason = f.DmtNotFeasibleReason ?? "",
            PriorHypersensitivity = f.PriorHypersensitivity switch
            {
                D.HypersensitivityHistory.None => P.HypersensitivityHistory.None,
                D.HypersensitivityHistory.NonSevere => P.HypersensitivityHistory.NonSevere,
                D.HypersensitivityHistory.SevereSystemicOrAnaphylaxis => P.HypersensitivityHistory.SevereSystemicOrAnaphylaxis,
                _ => P.HypersensitivityHistory.Unspecified,
            },
            CreatinineMeasuredOn = FormatDate(f.CreatinineMeasuredOn),
            AboGroup = f.AboGroup switch
            {
                D.AboGroup.O => P.AboGroup.O,
                D.AboGroup.A => P.AboGroup.A,
                D.AboGroup.B => P.AboGroup.B,
                D.AboGroup.AB => P.AboGroup.Ab,
                _ => P.AboGroup.Unspecified,
            },
            Sex = f.Sex switch
            {
                D.Sex.Male => P.Sex.Male,
                D.Sex.Female => P.Sex.Female,
                _ => P.Sex.Unspecified,
            },
        };

        // Optional scalars: set only when known, so "unset" keeps meaning "unknown".
        if (f.CorticosteroidsGiven is { } corticosteroidsGiven) proto.CorticosteroidsGiven = corticosteroidsGiven;
        if (f.DmtFeasible is { } dmtFeasible) proto.DmtsFeasible = dmtFeasible;
        if (f.SerumIgaMgDl is { } iga) proto.SerumIgaMgPerDl = iga;
        if (f.AntiIgaAntibodies is { } antiIga) proto.AntiIgaAntibodies = antiIga;
        if (f.PriorHypersensitivity is { } history) proto.PriorSevereHypersensitivityToImmunoglobulin = history == D.HypersensitivityHistory.SevereSystemicOrAnaphylaxis;
        if (f.CreatinineMgDl is { } creatinine) proto.SerumCreatinineMgPerDl = creatinine;
        if (f.Egfr is { } egfr) proto.EgfrMlPerMin = egfr;
        if (f.KidneyDisease is { } kidney) proto.KnownKidneyDisease = kidney;
        if (f.Diabetes is { } diabetes) proto.Diabetes = diabetes;
        if (f.VolumeDepletion is { } volume) proto.VolumeDepletion = volume;
        if (f.Sepsis is { } sepsis) proto.Sepsis = sepsis;
        if (f.Paraproteinemia is { } paraproteinemia) proto.Paraproteinemia = paraproteinemia;
        if (f.NephrotoxicDrugs is { } nephrotoxic) proto.NephrotoxicDrugs = nephrotoxic;
        if (f.Immobilization is { } immobilization) proto.ProlongedImmobilization = immobilization;
        if (f.HypercoagulableCondition is { } hypercoagulable) proto.HypercoagulableCondition = hypercoagulable;
        if (f.PriorThrombosis is { } thrombosis) proto.PriorThrombosis = thrombosis;
        if (f.EstrogenUse is { } estrogen) proto.EstrogenUse = estrogen;
        if (f.CentralVascularCatheter is { } catheter) proto.CentralVenousCatheter = catheter;
        if (f.Hyperviscosity is { } hyperviscosity) proto.Hyperviscosity = hyperviscosity;
        if (f.CardiovascularRiskFactors is { } cardiovascular) proto.CardiovascularRiskFactors = cardiovascular;
        if (f.HereditaryFructoseIntolerance is { } fructose) proto.HereditaryFructoseIntolerance = fructose;
        if (f.Hyperprolinemia is { } hyperprolinemia) proto.Hyperprolinemia = hyperprolinemia;
        if (f.MigraineHistory is { } migraine) proto.MigraineHistory = migraine;
        if (f.AgeYears is { } age) proto.AgeYears = age;
        if (f.HeightCm is { } height) proto.HeightCm = height;
        if (f.WeightKg is { } weight) proto.WeightKg = weight;
        if (f.PrePregnancyWeightKg is { } prePregnancyWeight) proto.PrePregnancyWeightKg = prePregnancyWeight;
        if (f.PlannedCourseTotalGPerKg is { } courseTotal) proto.PlannedCourseTotalGPerKg = courseTotal;
        return proto;
    }

    private static P.TreatmentResponse ToProto(D.TreatmentResponse? response) => response switch
    {
        D.TreatmentResponse.Adequate => P.TreatmentResponse.Adequate,
        D.TreatmentResponse.Inadequate => P.TreatmentResponse.Inadequate,
        _ => P.TreatmentResponse.Unspecified,
    };

    private static string FormatDate(DateOnly? date) =>
        date?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "";
}
