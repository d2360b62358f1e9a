using Google.Protobuf.WellKnownTypes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Ivig.Common.V1;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Fhir;
using Ivig.Monitoring.Tests.Domain;

namespace Ivig.Monitoring.Tests.Fhir;

/// <summary>
/// A real infusion built through the domain (start, vitals with a weight, a grade 1 reaction, Dosing's
/// halving order, complete) and the regimen and assessment the export reads from Dosing and Eligibility.
/// </summary>
internal static class FhirExportData
{
    public const string PatientReference = "patient-ref-opaque";
    public const string ProductName = "Gamunex-C";
    public static readonly Guid InfusionId = Guid.Parse("0195f0a4-7c1e-7a00-8000-0000000000a1");
    public static readonly string RegimenId = "0195f0a4-7c1e-7a00-8000-0000000000b2";
    public static readonly string AssessmentId = "0195f0a4-7c1e-7a00-8000-0000000000c3";
    public static readonly DateTimeOffset ExportedAt = TestData.At(120);

    public static readonly Vitals SecondVitals = TestData.Baseline with { WeightKg = 70.4m };

    /// <summary>Start at minute 0, vitals with weight at 15, grade 1 at 20, halving order at 20.5, complete at 60.</summary>
    public static InfusionSession CompletedInfusionWithReaction()
    {
        var session = StartRunning();
        session.RecordVitals(SecondVitals, TestData.Evaluator, TestData.At(15));
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["flushing"], TestData.At(20)).Reaction;
        session.ApplyRateOrder("order-1", 0.5m, "RXN-G1", "Halved after a grade 1 reaction", TestData.At(20.5), reaction.Id);
        session.Complete(TestData.At(60));
        return session;
    }

    public static InfusionSession StartRunning() =>
        InfusionSession.Start(InfusionId, TestData.Plan() with { RegimenId = RegimenId }, TestData.Baseline, TestData.Checks, TestData.T0);

    public static Regimen Regimen(string assessmentId = "0195f0a4-7c1e-7a00-8000-0000000000c3") => new()
    {
        RegimenId = RegimenId,
        AssessmentId = assessmentId,
        PatientReference = PatientReference,
        Product = new Product { ProductId = "gamunex-c", Name = ProductName, ConcentrationPercent = 10 },
        Indication = Indication.AcuteRelapse,
        DosingWeightKg = 70,
        DoseGPerKgPerDay = 0.4,
        Days = { Enumerable.Range(1, 5).Select(d => new DoseDay { Day = d, Grams = 28, VolumeMl = 280 }) },
        Schedule = "Five consecutive days.",
        Ladder =
        {
            Step(1, 1, 42, 0, 30),
            Step(2, 2, 84, 30, 30),
            Step(3, 4, 168, 60, 30),
            Step(4, 8, 336, 90, null),
        },
        PlannedAt = Timestamp.FromDateTimeOffset(TestData.T0.AddDays(-1)),
        PlannedBy = new Actor { Subject = "dr-0042", Role = "prescriber" },
    };

    private static Ivig.Dosing.V1.TitrationStep Step(int step, double mgPerKgMin, double mlPerHour, double startsAt, double? duration)
    {
        var message = new Ivig.Dosing.V1.TitrationStep
        {
            Step = step,
            Rate = new InfusionRate { MgPerKgPerMin = mgPerKgMin, MlPerHour = mlPerHour },
            StartsAtMinute = startsAt,
        };
        if (duration is { } minutes)
        {
            message.DurationMinutes = minutes;
        }
        return message;
    }

    /// <summary>
    /// CONSIDER_ALTERNATIVE_FIRST (ELIG-AR-PLEX) overridden by a second prescriber, with PRE-RENAL (lifts to
    /// ELIGIBLE_WITH_PRECAUTIONS) and PRE-HYDRATION (advisory): three DetectedIssues, two AuditEvents.
    /// </summary>
    public static Assessment OverriddenAssessment() => new()
    {
        AssessmentId = AssessmentId,
        PatientReference = PatientReference,
        Decision = Decision.ConsiderAlternativeFirst,
        Reasons =
        {
            new Reason { RuleId = "ELIG-AR-PLEX", Outcome = Decision.ConsiderAlternativeFirst, Text = "Plasma exchange has not been tried.", Source = "[seed]" },
            new Reason { RuleId = "PRE-RENAL", Outcome = Decision.EligibleWithPrecautions, Text = "Renal risk: eGFR below 60.", Source = "[label]" },
            new Reason { RuleId = "PRE-HYDRATION", Outcome = Decision.Eligible, Text = "Check hydration status before every infusion.", Source = "[seed]" },
        },
        Precautions =
        {
            new Precaution { RuleId = "PRE-RENAL", Text = "Renal risk: eGFR below 60." },
            new Precaution { RuleId = "PRE-HYDRATION", Text = "Check hydration status before every infusion." },
        },
        CatalogueVersion = "2026.1",
        AssessedAt = Timestamp.FromDateTimeOffset(TestData.T0.AddDays(-2)),
        AssessedBy = new Actor { Subject = "dr-0042", Role = "prescriber" },
        FactsHash = "9f2c4e0d5b7a",
        Override = new Override
        {
            By = new Actor { Subject = "dr-0043", Role = "prescriber" },
            Reason = "Plasma exchange unavailable for three weeks.",
            RecordedAt = Timestamp.FromDateTimeOffset(TestData.T0.AddDays(-2).AddHours(1)),
        },
    };

    /// <summary>The trail as Eligibility lists it: newest first.</summary>
    public static IReadOnlyList<AuditEntry> AuditEntries(Assessment assessment) =>
    [
        new AuditEntry
        {
            EntryId = "0195f0a4-7c1e-7a00-8000-0000000000e2",
            At = assessment.Override.RecordedAt,
            Actor = assessment.Override.By,
            Action = "RecordOverride",
            AssessmentId = assessment.AssessmentId,
            FactsHash = assessment.FactsHash,
            Decision = assessment.Decision,
            RuleIds = { assessment.Reasons.Select(r => r.RuleId) },
            Detail = "Overrode CONSIDER_ALTERNATIVE_FIRST: " + assessment.Override.Reason,
        },
        new AuditEntry
        {
            EntryId = "0195f0a4-7c1e-7a00-8000-0000000000e1",
            At = assessment.AssessedAt,
            Actor = assessment.AssessedBy,
            Action = "AssessEligibility",
            AssessmentId = assessment.AssessmentId,
            FactsHash = assessment.FactsHash,
            Decision = assessment.Decision,
            RuleIds = { assessment.Reasons.Select(r => r.RuleId) },
            Detail = "Assessed with catalogue 2026.1.",
        },
    ];

    public static InfusionExportSource Source(InfusionSession session)
    {
        var assessment = OverriddenAssessment();
        return Source(session, Regimen(), assessment, AuditEntries(assessment));
    }

    /// <summary>A session built in memory: every reading it has is one recorded on it.</summary>
    public static InfusionExportSource Source(InfusionSession session, Ivig.Dosing.V1.Regimen regimen, Ivig.Eligibility.V1.Assessment? assessment,
        IReadOnlyList<Ivig.Eligibility.V1.AuditEntry> audit) =>
        new(session, session.RecordedVitals, regimen, assessment, audit);

    /// <summary>Maps, serializes with the SDK, and parses back with the SDK (strict: cardinality and formats are checked).</summary>
    public static (string Json, Bundle Bundle) ExportAndParse(InfusionExportSource source)
    {
        var json = FhirJson.Serialize(InfusionBundleBuilder.Build(source, ExportedAt));
        return (json, Parse(json));
    }

    public static Bundle Parse(string json) =>
        new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(json);
}
