using System.Text.Json;
using System.Text.Json.Nodes;
using Ivig.Eligibility.CdsHooks;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Tests.Domain;
using static Ivig.Eligibility.Tests.CdsHooks.HookRequests;

namespace Ivig.Eligibility.Tests.CdsHooks;

/// <summary>The prefetch → facts mapping (docs/interop.md (CDS Hooks)), one detail at a time.</summary>
public class RecordReaderTests
{
    private static readonly DateOnly Today = TestFacts.Today;

    internal static HookRequest Parse(JsonObject json, string serviceId = CdsServiceCatalog.OrderSelectId)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        return HookRequestParser.Parse(document.RootElement, CdsServiceCatalog.Find(serviceId)!);
    }

    private static RecordReading Read(HookRequests requests) => RecordReader.Read(Parse(requests.Build()), Today);

    private static JsonObject Lab(HookRequests r, string loinc, string date, string valueKey, JsonNode value, params JsonNode[] interpretation)
    {
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["code"] = Concept(Loinc, loinc),
            ["subject"] = r.Reference,
            ["effectiveDateTime"] = date,
            [valueKey] = value,
        };
        if (interpretation.Length > 0)
        {
            observation["interpretation"] = new JsonArray(interpretation);
        }

        return observation;
    }

    [Fact]
    public void What_the_record_does_not_state_stays_unknown()
    {
        var facts = Read(new HookRequests().Condition("426373005")).Facts;

        Assert.Equal(MsPhenotype.Rrms, facts.Phenotype);
        Assert.Equal(Sex.Female, facts.Sex);
        Assert.Null(facts.Diabetes);
        Assert.Null(facts.KidneyDisease);
        Assert.Null(facts.MigraineHistory);
        Assert.Null(facts.PriorThrombosis);
        Assert.Null(facts.PregnancyState);
        Assert.Null(facts.PriorHypersensitivity);
        Assert.Null(facts.SerumIgaMgDl);
        Assert.Null(facts.EstrogenUse);
        Assert.Null(facts.HereditaryFructoseIntolerance);
    }

    [Theory]
    [InlineData("1993-11-15", 33)]
    [InlineData("1993-11-16", 32)]
    [InlineData("1993-11", null)]
    [InlineData("1993", null)]
    [InlineData("2027-01-01", null)]
    public void Age_comes_from_a_full_birth_date_on_the_assessment_date(string birthDate, int? age)
    {
        Assert.Equal(age, Read(new HookRequests(birthDate: birthDate)).Facts.AgeYears);
    }

    [Fact]
    public void Conditions_are_read_by_SNOMED_CT_and_ICD_10_and_refuted_ones_are_ignored()
    {
        var requests = new HookRequests()
            .Condition("E11.65", system: "http://hl7.org/fhir/sid/icd-10-cm")
            .Condition("N18.3", system: "http://hl7.org/fhir/sid/icd-10")
            .Condition("37796009", clinicalStatus: "resolved")
            .Condition("128053003", clinicalStatus: "resolved")
            .Condition("20052008")
            .Condition("52385009");
        var refuted = new HookRequests().Condition("73211009");
        refuted.Conditions[0]["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted");

        var facts = Read(requests).Facts;

        Assert.True(facts.Diabetes);
        Assert.True(facts.KidneyDisease);
        Assert.True(facts.MigraineHistory); // history: a resolved migraine counts
        Assert.True(facts.PriorThrombosis); // history: a resolved DVT counts
        Assert.True(facts.HereditaryFructoseIntolerance);
        Assert.True(facts.Hyperprolinemia);
        Assert.Null(Read(refuted).Facts.Diabetes);
        Assert.Null(Read(new HookRequests().Condition("73211009", clinicalStatus: "resolved")).Facts.Diabetes); // current only
    }

    [Fact]
    public void The_latest_active_phenotype_wins_and_an_undecidable_conflict_stays_unknown()
    {
        var progressed = new HookRequests().Condition("426373005", onset: "2012-04-01").Condition("425500002", onset: "2024-09-10");
        var resolvedCis = new HookRequests().Condition("445967005", onset: "2010-01-01", clinicalStatus: "resolved").Condition("426373005", onset: "2011-01-01");
        var undated = new HookRequests().Condition("426373005").Condition("428700003");

        Assert.Equal(MsPhenotype.Spms, Read(progressed).Facts.Phenotype);
        Assert.Equal(MsPhenotype.Rrms, Read(resolvedCis).Facts.Phenotype);
        var conflict = Read(undated);
        Assert.Null(conflict.Facts.Phenotype);
        Assert.Contains(conflict.Notes, n => n.Contains("phenotype", StringComparison.Ordinal));
    }

    [Fact]
    public void Pregnancy_states_come_from_active_conditions_and_the_postpartum_onset_is_the_delivery_date()
    {
        var delivered = Today.AddDays(-21);
        var postpartum = new HookRequests().Condition("77386006", onset: Date(Today.AddDays(-290))).Condition("86569001", onset: Date(delivered) + "T08:30:00+01:00");
        var pregnant = new HookRequests().Condition("77386006", onset: Date(Today.AddDays(-60)));
        var breastfeeding = new HookRequests().Condition("86569001", onset: Date(Today.AddDays(-200))).Condition("169750002");
        var noOnset = new HookRequests().Condition("86569001");
        var over = new HookRequests().Condition("77386006", clinicalStatus: "resolved");

        var read = Read(postpartum).Facts;
        Assert.Equal(PregnancyState.Postpartum, read.PregnancyState);
        Assert.Equal(delivered, read.DeliveryDate);
        Assert.Equal(PregnancyState.Pregnant, Read(pregnant).Facts.PregnancyState);
        Assert.Equal(PregnancyState.Breastfeeding, Read(breastfeeding).Facts.PregnancyState);
        Assert.Equal(PregnancyState.Postpartum, Read(noOnset).Facts.PregnancyState);
        Assert.Null(Read(noOnset).Facts.DeliveryDate); // the engine then asks for deliveryDate
        Assert.Null(Read(over).Facts.PregnancyState);
    }

    [Fact]
    public void Laboratory_values_are_converted_to_the_rules_units()
    {
        var requests = new HookRequests()
            .Quantity("2458-8", 0.04, "g/L", "2026-10-01")
            .Quantity("14682-9", 79.6, "umol/L", "2026-11-01")
            .Quantity("98979-8", 54, "mL/min/{1.73_m2}", "2026-11-01")
            .Quantity("29463-7", 150, "[lb_av]", "2026-11-01")
            .Quantity("8302-2", 1.68, "m", "2026-11-01");

        var facts = Read(requests).Facts;

        Assert.Equal(4, facts.SerumIgaMgDl);
        Assert.Equal(0.9, facts.CreatinineMgDl);
        Assert.Equal(new DateOnly(2026, 11, 1), facts.CreatinineMeasuredOn);
        Assert.Equal(54, facts.Egfr);
        Assert.Equal(68.04, facts.WeightKg);
        Assert.Equal(168, facts.HeightCm);
    }

    [Fact]
    public void The_latest_usable_result_wins_and_skipped_ones_are_noted()
    {
        var requests = new HookRequests()
            .Quantity("2160-0", 1.4, "mg/dL", "2026-09-01")
            .Quantity("2160-0", 0.8, "mg/dL", "2026-11-10")
            .Quantity("29463-7", 70, "kg", "2026-10-01")
            .Quantity("29463-7", 7000, "kg", "2026-11-10")
            .Quantity("2458-8", 120, "IU/mL", "2026-11-10");

        var reading = Read(requests);

        Assert.Equal(0.8, reading.Facts.CreatinineMgDl);
        Assert.Equal(new DateOnly(2026, 11, 10), reading.Facts.CreatinineMeasuredOn);
        Assert.Equal(70, reading.Facts.WeightKg);
        Assert.Null(reading.Facts.SerumIgaMgDl);
        Assert.Contains(reading.Notes, n => n.Contains("implausible body weight", StringComparison.Ordinal));
        Assert.Contains(reading.Notes, n => n.Contains("unit 'IU/mL'", StringComparison.Ordinal));
    }

    [Fact]
    public void Preliminary_results_are_not_read()
    {
        var requests = new HookRequests().Quantity("2458-8", 4, "mg/dL", "2026-11-10");
        requests.Observations[0]["status"] = "preliminary";

        Assert.Null(Read(requests).Facts.SerumIgaMgDl);
    }

    [Fact]
    public void Anti_IgA_antibodies_need_a_qualitative_result_or_the_laboratory_interpretation()
    {
        var quantity = new JsonObject { ["value"] = 180, ["unit"] = "U/mL" };
        var interpreted = new HookRequests();
        interpreted.Observations.Add(Lab(interpreted, "13312-4", "2026-11-01", "valueQuantity", quantity.DeepClone(),
            Concept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "H")));
        var bare = new HookRequests();
        bare.Observations.Add(Lab(bare, "13312-4", "2026-11-01", "valueQuantity", quantity.DeepClone()));
        var negative = new HookRequests().AntiIgaAntibodies(positive: true, "2025-01-01").AntiIgaAntibodies(positive: false, "2026-11-01");

        Assert.True(Read(interpreted).Facts.AntiIgaAntibodies);
        Assert.Null(Read(bare).Facts.AntiIgaAntibodies);
        Assert.False(Read(negative).Facts.AntiIgaAntibodies); // the latest result
    }

    [Fact]
    public void Prior_hypersensitivity_needs_an_explicit_statement_and_an_unknown_severity_stays_unknown()
    {
        var refuted = new HookRequests().ImmunoglobulinAllergy(anaphylaxis: false, severity: "mild");
        refuted.Allergies[0]["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "refuted");
        var highCriticality = new HookRequests().ImmunoglobulinAllergy(anaphylaxis: false);
        highCriticality.Allergies[0]["criticality"] = "high";
        var penicillinOnly = new HookRequests();
        penicillinOnly.Allergies.Add(new JsonObject
        {
            ["resourceType"] = "AllergyIntolerance",
            ["code"] = Concept(Snomed, "764146007"),
            ["patient"] = penicillinOnly.Reference,
        });

        Assert.Equal(HypersensitivityHistory.None, Read(new HookRequests().NoKnownAllergy()).Facts.PriorHypersensitivity);
        Assert.Null(Read(new HookRequests()).Facts.PriorHypersensitivity);
        Assert.Null(Read(penicillinOnly).Facts.PriorHypersensitivity);
        Assert.Equal(HypersensitivityHistory.SevereSystemicOrAnaphylaxis, Read(new HookRequests().ImmunoglobulinAllergy(anaphylaxis: true)).Facts.PriorHypersensitivity);
        Assert.Equal(HypersensitivityHistory.SevereSystemicOrAnaphylaxis, Read(highCriticality).Facts.PriorHypersensitivity);
        Assert.Equal(HypersensitivityHistory.NonSevere, Read(new HookRequests().ImmunoglobulinAllergy(anaphylaxis: false, severity: "moderate")).Facts.PriorHypersensitivity);
        Assert.Equal(HypersensitivityHistory.None, Read(refuted).Facts.PriorHypersensitivity);

        var unknownSeverity = Read(new HookRequests().NoKnownAllergy().ImmunoglobulinAllergy(anaphylaxis: false));
        Assert.Null(unknownSeverity.Facts.PriorHypersensitivity);
        Assert.Contains(unknownSeverity.Notes, n => n.Contains("without its severity", StringComparison.Ordinal));
    }

    [Fact]
    public void Active_medications_make_estrogen_use_and_nephrotoxic_drugs_known_present_only()
    {
        var stopped = new HookRequests().ActiveMedication("M01AE01");
        stopped.Medications[0]["status"] = "stopped";

        var facts = Read(new HookRequests().ActiveMedication("G03CA03").ActiveMedication("M01AE01")).Facts;

        Assert.True(facts.EstrogenUse);
        Assert.True(facts.NephrotoxicDrugs);
        Assert.Null(Read(stopped).Facts.NephrotoxicDrugs);
        Assert.Null(Read(new HookRequests().ActiveMedication("N02BE01")).Facts.NephrotoxicDrugs);
    }

    [Fact]
    public void A_recorded_IgA_deficiency_without_a_measured_value_is_noted()
    {
        var reading = Read(new HookRequests().Condition("29260007"));

        Assert.Null(reading.Facts.SerumIgaMgDl);
        Assert.Contains(reading.Notes, n => n.Contains("PRE-IGA", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resource_of_another_patient_is_refused()
    {
        var requests = new HookRequests().Quantity("2458-8", 4, "mg/dL", "2026-11-10");
        requests.Observations[0]["subject"] = new JsonObject { ["reference"] = "https://ehr.example/fhir/Patient/other/_history/2" };
        var same = new HookRequests().Quantity("2458-8", 4, "mg/dL", "2026-11-10");
        same.Observations[0]["subject"] = new JsonObject { ["reference"] = "https://ehr.example/fhir/Patient/pt-0815" };

        var e = Assert.Throws<CdsHookException>(() => Read(requests));

        Assert.Equal(400, e.Status);
        Assert.Equal(4, Read(same).Facts.SerumIgaMgDl);
    }
}
