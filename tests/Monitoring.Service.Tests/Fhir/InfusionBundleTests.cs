// The SDK's POCOs are nullable throughout; these tests assert on parsed values, where a missing one
// fails the test (Assert or NullReferenceException) either way.
#nullable disable warnings

using Hl7.Fhir.Model;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Fhir;
using Ivig.Monitoring.Tests.Domain;
using static Ivig.Monitoring.Tests.Fhir.FhirExportData;
using InfusionState = Ivig.Monitoring.Domain.InfusionState;

namespace Ivig.Monitoring.Tests.Fhir;

/// <summary>
/// The FHIR R4 export of a real infusion, serialized and parsed back with the Firely SDK: resource types
/// and counts, LOINC codes and UCUM units, statuses, references that resolve inside the bundle, and no
/// patient-identifying data beyond the opaque reference.
/// </summary>
public sealed class InfusionBundleTests
{
    private const string Ucum = "http://unitsofmeasure.org";
    private const string Loinc = "http://loinc.org";

    private static readonly (string Json, Bundle Bundle) Export = ExportAndParse(Source(CompletedInfusionWithReaction()));

    private static Bundle Parsed => Export.Bundle;

    private static IEnumerable<T> All<T>() where T : Resource => Parsed.Entry.Select(e => e.Resource).OfType<T>();

    private static string FullUrlOf<T>() where T : Resource => Parsed.Entry.Single(e => e.Resource is T).FullUrl;

    [Fact]
    public void The_bundle_is_a_collection_with_each_resource_type_in_the_expected_number()
    {
        Assert.Equal(Bundle.BundleType.Collection, Parsed.Type);
        Assert.Equal(ExportedAt, Parsed.Timestamp);

        var counts = Parsed.Entry.GroupBy(e => e.Resource.TypeName).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["Patient"] = 1,
            ["MedicationRequest"] = 1,
            ["MedicationAdministration"] = 1,
            // Baseline: blood pressure, heart rate, respiratory rate, temperature, SpO2; the second reading adds weight.
            ["Observation"] = 11,
            ["AdverseEvent"] = 1,
            ["DetectedIssue"] = 3,
            ["AuditEvent"] = 2,
        }, counts);
    }

    [Fact]
    public void Every_entry_has_a_urn_uuid_full_url_matching_its_id_and_every_reference_resolves_inside_the_bundle()
    {
        var fullUrls = Parsed.Entry.Select(e => e.FullUrl).ToList();
        Assert.Equal(fullUrls.Count, fullUrls.Distinct().Count());
        Assert.All(Parsed.Entry, e => Assert.Equal("urn:uuid:" + e.Resource.Id, e.FullUrl));
        Assert.All(Parsed.Entry, e => Assert.True(Guid.TryParse(e.Resource.Id, out _), e.Resource.Id));

        var references = Parsed.Entry.SelectMany(e => Descendants(e.Resource).OfType<ResourceReference>()).ToList();
        var literal = references.Where(r => r.Reference is not null).Select(r => r.Reference).ToList();
        Assert.NotEmpty(literal);
        Assert.All(literal, reference => Assert.Contains(reference, fullUrls));
        // References to people and services outside the bundle are logical (by identifier), never dangling literals.
        Assert.All(references.Where(r => r.Reference is null), r => Assert.NotNull(r.Identifier?.Value));
    }

    [Fact]
    public void The_patient_carries_only_the_opaque_reference_no_name_or_birth_date()
    {
        var patient = Assert.Single(All<Patient>());
        var identifier = Assert.Single(patient.Identifier);
        Assert.Equal(PatientReference, identifier.Value);
        Assert.Equal(FhirTerminology.PatientReferenceSystem, identifier.System);
        Assert.Empty(patient.Name);
        Assert.Null(patient.BirthDate);
        Assert.Null(patient.Gender);
        Assert.Empty(patient.Address);
        Assert.Empty(patient.Telecom);
        Assert.DoesNotContain("\"name\"", Export.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("birthDate", Export.Json, StringComparison.Ordinal);

        // The id is derived from the reference alone: stable across infusions and exports.
        Assert.Equal(FhirIds.Derive("Patient", PatientReference).ToString("D"), patient.Id);
        var patientUrl = FullUrlOf<Patient>();
        Assert.All(All<Observation>(), o => Assert.Equal(patientUrl, o.Subject.Reference));
        Assert.Equal(patientUrl, Assert.Single(All<MedicationRequest>()).Subject.Reference);
        Assert.Equal(patientUrl, Assert.Single(All<MedicationAdministration>()).Subject.Reference);
        Assert.Equal(patientUrl, Assert.Single(All<AdverseEvent>()).Subject.Reference);
        Assert.All(All<DetectedIssue>(), i => Assert.Equal(patientUrl, i.Patient.Reference));
    }

    [Fact]
    public void The_medication_request_is_the_regimen_with_one_dosage_instruction_per_titration_step_in_mL_per_hour()
    {
        var request = Assert.Single(All<MedicationRequest>());
        Assert.Equal(MedicationRequest.MedicationrequestStatus.Active, request.Status); // day 1 of 5
        Assert.Equal(MedicationRequest.MedicationRequestIntent.Order, request.Intent);
        Assert.Equal(ProductName, Assert.IsType<CodeableConcept>(request.Medication).Text);
        Assert.Equal(RegimenId, Assert.Single(request.Identifier).Value);

        var expected = new[] { (1m, 42m, 0m), (2m, 84m, 30m), (4m, 168m, 60m), (8m, 336m, 90m) };
        Assert.Equal(expected.Length, request.DosageInstruction.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (mgPerKgMin, mlPerHour, startMinute) = expected[i];
            var dosage = request.DosageInstruction[i];
            Assert.Equal(i + 1, dosage.Sequence);
            var rate = Assert.IsType<Quantity>(Assert.Single(dosage.DoseAndRate).Rate);
            Assert.Equal(mlPerHour, rate.Value);
            Assert.Equal(Ucum, rate.System);
            Assert.Equal("mL/h", rate.Code);
            Assert.Contains($"{mgPerKgMin} mg/kg/min", dosage.Text, StringComparison.Ordinal);
            Assert.Contains($"from minute {startMinute}", dosage.Text, StringComparison.Ordinal);
            var bounds = Assert.IsType<Hl7.Fhir.Model.Range>(dosage.Timing.Repeat.Bounds);
            Assert.Equal(startMinute, bounds.Low.Value);
            Assert.Equal("min", bounds.Low.Code);
        }
        Assert.Null(((Hl7.Fhir.Model.Range)request.DosageInstruction[^1].Timing.Repeat.Bounds).High);

        // Each DetectedIssue of the assessment is linked from the request, and implicates it.
        var issueUrls = Parsed.Entry.Where(e => e.Resource is DetectedIssue).Select(e => e.FullUrl).ToList();
        Assert.Equal(issueUrls, request.DetectedIssue.Select(r => r.Reference).ToList());
        Assert.All(All<DetectedIssue>(), i => Assert.Equal(FullUrlOf<MedicationRequest>(), Assert.Single(i.Implicated).Reference));
    }

    [Fact]
    public void The_medication_administration_has_the_status_the_current_rate_and_the_rate_history()
    {
        var administration = Assert.Single(All<MedicationAdministration>());
        Assert.Equal(MedicationAdministration.MedicationAdministrationStatusCodes.Completed, administration.Status);
        Assert.Equal(InfusionId.ToString("D"), administration.Id);
        Assert.Equal(FullUrlOf<MedicationRequest>(), administration.Request.Reference);
        Assert.Equal(ProductName, Assert.IsType<CodeableConcept>(administration.Medication).Text);
        var period = Assert.IsType<Period>(administration.Effective);
        Assert.Equal(TestData.T0, period.StartElement.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Equal(TestData.At(60), period.EndElement.ToDateTimeOffset(TimeSpan.Zero));

        var current = Assert.IsType<Quantity>(administration.Dosage.Rate);
        Assert.Equal(0m, current.Value); // completed
        Assert.Equal("mL/h", current.Code);
        Assert.Equal(Ucum, current.System);

        var history = administration.Extension.Where(e => e.Url == FhirTerminology.RateChangeExtension).ToList();
        Assert.Equal(["start", "reaction-order", "complete"], history.Select(e => ((Code)e.GetExtension("source").Value).Value).ToArray());
        var halved = history[1];
        Assert.Equal("RXN-G1", ((Code)halved.GetExtension("ruleId").Value).Value);
        var halvedRate = (Quantity)halved.GetExtension("rate").Value;
        Assert.Equal(21m, halvedRate.Value); // 0.5 mg/kg/min × 70 kg × 60 / 100 mg/mL
        Assert.Equal("mL/h", halvedRate.Code);
        Assert.Equal("mg/kg/min", ((Quantity)halved.GetExtension("rateMgPerKgPerMin").Value).Code);
        Assert.Equal(TestData.At(20.5), ((FhirDateTime)halved.GetExtension("at").Value).ToDateTimeOffset(TimeSpan.Zero));
    }

    public static TheoryData<string, string, string, string> VitalSigns => new()
    {
        { "8867-4", "/min", "heart rate", "75" },
        { "9279-1", "/min", "respiratory rate", "16" },
        { "8310-5", "Cel", "body temperature", "36.8" },
        { "59408-5", "%", "oxygen saturation", "98" },
    };

    [Theory]
    [MemberData(nameof(VitalSigns))]
    public void Each_reading_has_its_vital_sign_with_the_LOINC_code_and_UCUM_unit(string loinc, string ucum, string what, string value)
    {
        var observations = All<Observation>().Where(o => o.Code.Coding.Any(c => c.System == Loinc && c.Code == loinc)).ToList();
        Assert.True(observations.Count == 2, $"{what}: one per reading");
        Assert.Equal([TestData.T0, TestData.At(15)], observations.Select(o => ((FhirDateTime)o.Effective).ToDateTimeOffset(TimeSpan.Zero)).ToArray());
        Assert.All(observations, o =>
        {
            var quantity = Assert.IsType<Quantity>(o.Value);
            Assert.Equal(Ucum, quantity.System);
            Assert.Equal(ucum, quantity.Code);
            Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), quantity.Value);
        });
    }

    [Fact]
    public void Blood_pressure_is_the_panel_with_systolic_and_diastolic_components_in_mm_Hg()
    {
        var panels = All<Observation>().Where(o => o.Code.Coding.Any(c => c.System == Loinc && c.Code == "85354-9")).ToList();
        Assert.Equal(2, panels.Count);
        Assert.All(panels, panel =>
        {
            Assert.Null(panel.Value);
            var systolic = Assert.Single(panel.Component, c => c.Code.Coding.Any(x => x.System == Loinc && x.Code == "8480-6"));
            var diastolic = Assert.Single(panel.Component, c => c.Code.Coding.Any(x => x.System == Loinc && x.Code == "8462-4"));
            Assert.Equal(120m, ((Quantity)systolic.Value).Value);
            Assert.Equal(80m, ((Quantity)diastolic.Value).Value);
            Assert.All([systolic, diastolic], c =>
            {
                Assert.Equal("mm[Hg]", ((Quantity)c.Value).Code);
                Assert.Equal(Ucum, ((Quantity)c.Value).System);
            });
        });
    }

    [Fact]
    public void Body_weight_is_exported_only_for_the_reading_that_has_one()
    {
        var weight = Assert.Single(All<Observation>(), o => o.Code.Coding.Any(c => c.System == Loinc && c.Code == "29463-7"));
        var quantity = Assert.IsType<Quantity>(weight.Value);
        Assert.Equal(70.4m, quantity.Value);
        Assert.Equal("kg", quantity.Code);
        Assert.Equal(Ucum, quantity.System);
        Assert.Equal(TestData.At(15), ((FhirDateTime)weight.Effective).ToDateTimeOffset(TimeSpan.Zero));
    }

    [Fact]
    public void Every_observation_is_a_final_vital_sign_of_the_patient_during_the_administration()
    {
        var administrationUrl = FullUrlOf<MedicationAdministration>();
        Assert.All(All<Observation>(), o =>
        {
            Assert.Equal(ObservationStatus.Final, o.Status);
            var category = Assert.Single(o.Category);
            Assert.Contains(category.Coding, c => c.System == "http://terminology.hl7.org/CodeSystem/observation-category" && c.Code == "vital-signs");
            Assert.IsType<FhirDateTime>(o.Effective);
            Assert.Equal(administrationUrl, Assert.Single(o.PartOf).Reference);
        });
        // SpO2 also carries 2708-6, the code the FHIR R4 oxygen saturation profile requires.
        Assert.All(All<Observation>().Where(o => o.Code.Coding.Any(c => c.Code == "59408-5")),
            o => Assert.Contains(o.Code.Coding, c => c.System == Loinc && c.Code == "2708-6"));
    }

    [Fact]
    public void The_reaction_is_an_actual_adverse_event_suspecting_the_administration()
    {
        var adverse = Assert.Single(All<AdverseEvent>());
        Assert.Equal(AdverseEvent.AdverseEventActuality.Actual, adverse.Actuality);
        Assert.Contains("RXN-G1", adverse.Event.Text, StringComparison.Ordinal);
        Assert.Contains("grade 1", adverse.Event.Text, StringComparison.Ordinal);
        Assert.Contains("flushing", adverse.Event.Text, StringComparison.Ordinal);
        Assert.Contains(adverse.Event.Coding, c => c.System == FhirTerminology.RuleSystem && c.Code == "RXN-G1");
        Assert.Equal(TestData.At(20), adverse.DateElement.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Equal("mild", Assert.Single(adverse.Severity.Coding).Code);
        Assert.Equal("ongoing", Assert.Single(adverse.Outcome.Coding).Code);
        Assert.Equal(FullUrlOf<MedicationAdministration>(), Assert.Single(adverse.SuspectEntity).Instance.Reference);
    }

    [Fact]
    public void Decision_reasons_and_precautions_are_detected_issues_with_their_severity_and_the_override_as_mitigation()
    {
        var issues = All<DetectedIssue>().ToDictionary(i => i.Code.Text);
        Assert.Equal(["ELIG-AR-PLEX", "PRE-RENAL", "PRE-HYDRATION"], issues.Keys.ToArray());
        Assert.Equal(DetectedIssue.DetectedIssueSeverity.Moderate, issues["ELIG-AR-PLEX"].Severity);
        Assert.Equal(DetectedIssue.DetectedIssueSeverity.Moderate, issues["PRE-RENAL"].Severity);
        Assert.Equal(DetectedIssue.DetectedIssueSeverity.Low, issues["PRE-HYDRATION"].Severity);
        Assert.All(issues.Values, i =>
        {
            Assert.Equal(ObservationStatus.Final, i.Status);
            Assert.Contains(i.Code.Coding, c => c.System == FhirTerminology.RuleSystem && c.Code == i.Code.Text);
            Assert.False(string.IsNullOrWhiteSpace(i.Detail));
        });
        Assert.Equal("Plasma exchange has not been tried.", issues["ELIG-AR-PLEX"].Detail);

        var mitigation = Assert.Single(issues["ELIG-AR-PLEX"].Mitigation);
        Assert.Contains("Plasma exchange unavailable", mitigation.Action.Text, StringComparison.Ordinal);
        Assert.Equal("dr-0043", mitigation.Author.Identifier.Value);
        Assert.Empty(issues["PRE-RENAL"].Mitigation);
    }

    [Fact]
    public void A_contraindication_is_a_high_severity_issue()
    {
        var assessment = OverriddenAssessment();
        assessment.Override = null;
        assessment.Decision = Decision.Contraindicated;
        assessment.Reasons.Insert(0, new Reason { RuleId = "CI-HYPERSENS", Outcome = Decision.Contraindicated, Text = "Prior anaphylaxis to immunoglobulin." });
        var (_, bundle) = ExportAndParse(Source(CompletedInfusionWithReaction(), Regimen(), assessment, []));

        var issue = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<DetectedIssue>(), i => i.Code.Text == "CI-HYPERSENS");
        Assert.Equal(DetectedIssue.DetectedIssueSeverity.High, issue.Severity);
        Assert.Empty(issue.Mitigation);
    }

    [Fact]
    public void The_decision_and_the_override_are_audit_events_by_their_prescribers_about_the_assessment()
    {
        var audits = All<AuditEvent>().ToList();
        Assert.Equal(["AssessEligibility", "RecordOverride"], audits.Select(a => a.Type.Code).ToArray());
        Assert.Equal(["dr-0042", "dr-0043"], audits.Select(a => Assert.Single(a.Agent).Who.Identifier.Value).ToArray());
        Assert.Equal([AuditEvent.AuditEventAction.C, AuditEvent.AuditEventAction.U], audits.Select(a => a.Action!.Value).ToArray());
        var assessment = OverriddenAssessment();
        Assert.Equal([assessment.AssessedAt.ToDateTimeOffset(), assessment.Override.RecordedAt.ToDateTimeOffset()], audits.Select(a => a.Recorded!.Value).ToArray());
        Assert.All(audits, a =>
        {
            Assert.Equal(AuditEvent.AuditEventOutcome.N0, a.Outcome);
            Assert.Contains("CONSIDER_ALTERNATIVE_FIRST", a.OutcomeDesc, StringComparison.Ordinal);
            Assert.True(Assert.Single(a.Agent).Requestor);
            Assert.Equal("prescriber", Assert.Single(a.Agent[0].Role).Text);
            Assert.Contains(a.Entity, e => e.What.Identifier.System == FhirTerminology.AssessmentSystem && e.What.Identifier.Value == AssessmentId);
            Assert.NotNull(a.Source.Observer.Identifier);
        });
        Assert.Contains("Plasma exchange unavailable", audits[1].OutcomeDesc, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_audit_entries_the_decision_and_override_are_rebuilt_from_the_assessment()
    {
        var assessment = OverriddenAssessment();
        var (_, bundle) = ExportAndParse(Source(CompletedInfusionWithReaction(), Regimen(), assessment, []));

        var audits = bundle.Entry.Select(e => e.Resource).OfType<AuditEvent>().ToList();
        Assert.Equal(["AssessEligibility", "RecordOverride"], audits.Select(a => a.Type.Code).ToArray());
        Assert.Equal(["dr-0042", "dr-0043"], audits.Select(a => a.Agent[0].Who.Identifier.Value).ToArray());
    }

    [Fact]
    public void A_regimen_without_an_assessment_exports_without_issues_or_audit_events()
    {
        var (_, bundle) = ExportAndParse(Source(CompletedInfusionWithReaction(), Regimen(assessmentId: ""), null, []));

        Assert.DoesNotContain(bundle.Entry, e => e.Resource is DetectedIssue or AuditEvent);
        Assert.Empty(bundle.Entry.Select(e => e.Resource).OfType<MedicationRequest>().Single().DetectedIssue);
    }

    public static TheoryData<string, MedicationAdministration.MedicationAdministrationStatusCodes> States => new()
    {
        { "running", MedicationAdministration.MedicationAdministrationStatusCodes.InProgress },
        { "paused", MedicationAdministration.MedicationAdministrationStatusCodes.OnHold },
        { "stopped", MedicationAdministration.MedicationAdministrationStatusCodes.Stopped },
        { "completed", MedicationAdministration.MedicationAdministrationStatusCodes.Completed },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void The_administration_status_follows_the_infusion_state(string state, MedicationAdministration.MedicationAdministrationStatusCodes expected)
    {
        var session = StartRunning();
        switch (state)
        {
            case "paused":
                session.Pause("patient to the bathroom", TestData.At(10));
                break;
            case "stopped":
                session.Stop("line occluded", TestData.At(10));
                break;
            case "completed":
                session.Complete(TestData.At(10));
                break;
        }

        var (_, bundle) = ExportAndParse(Source(session));

        var administration = bundle.Entry.Select(e => e.Resource).OfType<MedicationAdministration>().Single();
        Assert.Equal(expected, administration.Status);
        Assert.Equal(state == "running" ? 42m : 0m, ((Quantity)administration.Dosage.Rate).Value);
        if (state == "stopped")
        {
            Assert.Equal("line occluded", Assert.Single(administration.StatusReason).Text);
        }
        Assert.Equal(state is "running" or "paused" ? null : TestData.At(10),
            ((Period)administration.Effective).EndElement?.ToDateTimeOffset(TimeSpan.Zero));
    }

    [Fact]
    public void A_detected_reaction_names_the_vitals_rule_that_found_it()
    {
        var session = StartRunning();
        session.RecordVitals(TestData.Baseline with { TemperatureC = 38.4m }, TestData.Evaluator, TestData.At(15));

        var (_, bundle) = ExportAndParse(Source(session));

        var adverse = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<AdverseEvent>());
        Assert.Contains("VIT-FEVER", adverse.Event.Text, StringComparison.Ordinal);
        Assert.Contains("detected from vitals", adverse.Event.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Exporting_the_same_infusion_twice_gives_the_same_resource_ids()
    {
        var session = CompletedInfusionWithReaction();
        var first = ExportAndParse(Source(session)).Bundle;
        // Reloaded from storage: the snapshot, and the vitals history stored beside it.
        var reloaded = Source(InfusionSession.FromSnapshot(session.ToSnapshot())) with { Vitals = session.RecordedVitals };
        var second = ExportAndParse(reloaded).Bundle;

        Assert.Equal(first.Entry.Select(e => e.FullUrl), second.Entry.Select(e => e.FullUrl));
        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public void The_domain_states_map_to_the_FHIR_administration_statuses()
    {
        Assert.Equal(MedicationAdministration.MedicationAdministrationStatusCodes.InProgress, InfusionBundleBuilder.AdministrationStatus(InfusionState.Running));
        Assert.Equal(MedicationAdministration.MedicationAdministrationStatusCodes.OnHold, InfusionBundleBuilder.AdministrationStatus(InfusionState.Paused));
        Assert.Equal(MedicationAdministration.MedicationAdministrationStatusCodes.Stopped, InfusionBundleBuilder.AdministrationStatus(InfusionState.Stopped));
        Assert.Equal(MedicationAdministration.MedicationAdministrationStatusCodes.Completed, InfusionBundleBuilder.AdministrationStatus(InfusionState.Completed));
    }

    private static IEnumerable<Base> Descendants(Base element)
    {
        foreach (var (_, value) in element.EnumerateElements())
        {
            IEnumerable<Base> children = value switch
            {
                Base single => [single],
                IEnumerable<Base> many => many,
                _ => [],
            };
            foreach (var child in children)
            {
                yield return child;
                foreach (var descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }
    }
}
