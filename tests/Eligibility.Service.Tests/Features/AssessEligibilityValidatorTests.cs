using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.V1;

namespace Ivig.Eligibility.Tests.Features;

public class AssessEligibilityValidatorTests
{
    private static AssessEligibilityRequest Request(PatientFacts? facts = null, string patientReference = "mrn-1001") =>
        new() { PatientReference = patientReference, Facts = facts ?? ProtoFacts.RefractoryRelapse() };

    private static List<string> Fields(AssessEligibilityRequest request) =>
        [.. AssessEligibilityValidator.Validate(request, ProtoFacts.Today).Select(v => v.Field)];

    private static List<string> Fields(Action<PatientFacts> change)
    {
        var facts = ProtoFacts.RefractoryRelapse();
        change(facts);
        return Fields(Request(facts));
    }

    [Fact]
    public void A_complete_plausible_request_is_valid() => Assert.Empty(Fields(Request()));

    [Fact]
    public void Unknown_facts_are_valid_they_are_unknown_not_wrong() => Assert.Empty(Fields(Request(new PatientFacts())));

    [Fact]
    public void Missing_patient_reference_and_facts_are_both_reported() =>
        Assert.Equal(["patient_reference", "facts"], Fields(new AssessEligibilityRequest()));

    [Theory]
    [InlineData("facts.weight_kg")]
    [InlineData("facts.height_cm")]
    [InlineData("facts.pre_pregnancy_weight_kg")]
    public void Body_measures_outside_the_catalogue_ranges_are_refused(string field)
    {
        Assert.Equal([field], Fields(f =>
        {
            switch (field)
            {
                case "facts.weight_kg": f.WeightKg = 900; break;
                case "facts.height_cm": f.HeightCm = 39.9; break;
                default: f.PrePregnancyWeightKg = 1.5; break;
            }
        }));
    }

    [Theory]
    [InlineData(2.0, true)]
    [InlineData(400.0, true)]
    [InlineData(1.99, false)]
    [InlineData(400.1, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void Weight_range_is_2_to_400_kg_inclusive(double weight, bool valid) =>
        Assert.Equal(valid, Fields(f => f.WeightKg = weight).Count == 0);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(130, true)]
    [InlineData(131, false)]
    public void Age_range_is_0_to_130(int age, bool valid) =>
        Assert.Equal(valid, Fields(f => f.AgeYears = age).Count == 0);

    [Fact]
    public void Negative_or_absurd_lab_values_are_refused()
    {
        Assert.Equal(
            ["facts.serum_iga_mg_per_dl", "facts.serum_creatinine_mg_per_dl", "facts.egfr_ml_per_min"],
            Fields(f =>
            {
                f.SerumIgaMgPerDl = -0.1;
                f.SerumCreatinineMgPerDl = 500;
                f.EgfrMlPerMin = -5;
            }));
    }

    [Fact]
    public void Zero_lab_values_are_plausible() =>
        Assert.Empty(Fields(f =>
        {
            f.SerumIgaMgPerDl = 0;
            f.EgfrMlPerMin = 0;
            f.SerumCreatinineMgPerDl = 0;
        }));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(10.5)]
    public void Course_total_must_be_a_real_course(double total) =>
        Assert.Equal(["facts.planned_course_total_g_per_kg"], Fields(f => f.PlannedCourseTotalGPerKg = total));

    [Fact]
    public void Undefined_enum_values_are_refused_by_field()
    {
        Assert.Equal(
            [
                "facts.phenotype", "facts.purpose", "facts.pregnancy_state", "facts.corticosteroid_response",
                "facts.plasma_exchange_status", "facts.plasma_exchange_response", "facts.prior_hypersensitivity",
                "facts.abo_group", "facts.sex",
            ],
            Fields(f =>
            {
                f.Phenotype = (MsPhenotype)42;
                f.Purpose = (TreatmentPurpose)42;
                f.PregnancyState = (PregnancyState)42;
                f.CorticosteroidResponse = (TreatmentResponse)42;
                f.PlasmaExchangeStatus = (PlasmaExchangeStatus)42;
                f.PlasmaExchangeResponse = (TreatmentResponse)42;
                f.PriorHypersensitivity = (HypersensitivityHistory)42;
                f.AboGroup = (AboGroup)42;
                f.Sex = (Sex)42;
            }));
    }

    [Fact]
    public void A_delivery_date_in_the_future_is_refused()
    {
        Assert.Equal(["facts.delivery_date"], Fields(f =>
        {
            f.PregnancyState = PregnancyState.Postpartum;
            f.DeliveryDate = ProtoFacts.Date(ProtoFacts.Today.AddDays(1));
        }));
        Assert.Empty(Fields(f =>
        {
            f.PregnancyState = PregnancyState.Postpartum;
            f.DeliveryDate = ProtoFacts.Date(ProtoFacts.Today);
        }));
    }

    [Fact]
    public void A_creatinine_measured_in_the_future_is_refused() =>
        Assert.Equal(["facts.creatinine_measured_on"], Fields(f => f.CreatinineMeasuredOn = ProtoFacts.Date(ProtoFacts.Today.AddDays(3))));

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("15/11/2026")]
    [InlineData("2026-11-5")]
    [InlineData("2026-11-05T00:00:00Z")]
    [InlineData("1850-01-01")]
    public void Dates_must_be_plausible_iso_calendar_dates(string date) =>
        Assert.Equal(["facts.delivery_date"], Fields(f => f.DeliveryDate = date));

    [Theory]
    [InlineData(true, HypersensitivityHistory.None)]
    [InlineData(true, HypersensitivityHistory.NonSevere)]
    [InlineData(false, HypersensitivityHistory.SevereSystemicOrAnaphylaxis)]
    public void The_coarse_hypersensitivity_flag_may_not_contradict_the_history(bool severe, HypersensitivityHistory history) =>
        Assert.Equal(["facts.prior_severe_hypersensitivity_to_immunoglobulin"], Fields(f =>
        {
            f.PriorSevereHypersensitivityToImmunoglobulin = severe;
            f.PriorHypersensitivity = history;
        }));

    [Theory]
    [InlineData(true, HypersensitivityHistory.SevereSystemicOrAnaphylaxis)]
    [InlineData(false, HypersensitivityHistory.None)]
    [InlineData(false, HypersensitivityHistory.NonSevere)]
    [InlineData(true, HypersensitivityHistory.Unspecified)]
    public void An_agreeing_hypersensitivity_flag_is_fine(bool severe, HypersensitivityHistory history) =>
        Assert.Empty(Fields(f =>
        {
            f.PriorSevereHypersensitivityToImmunoglobulin = severe;
            f.PriorHypersensitivity = history;
        }));

    [Fact]
    public void The_dmt_reason_is_short_free_text() =>
        Assert.Equal(["facts.dmts_not_feasible_reason"], Fields(f => f.DmtsNotFeasibleReason = new string('x', 501)));

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        Assert.Equal(
            ["patient_reference", "facts.weight_kg"],
            Fields(Request(new PatientFacts { WeightKg = 900 }, patientReference: "")));
}
