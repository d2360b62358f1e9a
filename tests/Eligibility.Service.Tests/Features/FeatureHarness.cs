using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Features.Overrides;
using Ivig.Eligibility.Tests.Domain;
using Ivig.Eligibility.Tests.Features.Fakes;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;

namespace Ivig.Eligibility.Tests.Features;

/// <summary>The features wired as in the service, over an in-memory store, a recording publisher and a still clock.</summary>
internal sealed class FeatureHarness
{
    public static readonly Caller Prescriber = new("dr-0042", "prescriber");

    public FeatureHarness(EligibilityThresholds? thresholds = null)
    {
        Assess = new AssessEligibilityCommand(
            new EligibilityEngine(), Options.Create(thresholds ?? new EligibilityThresholds()), Time, Store, Events);
        Get = new GetAssessmentQuery(Store);
        List = new ListAssessmentsQuery(Store);
        Override = new RecordOverrideCommand(Store, Time);
        Audit = new ListAuditEntriesQuery(Store);
    }

    public FakeTime Time { get; } = new(new DateTimeOffset(TestFacts.Today, new TimeOnly(10, 0), TimeSpan.Zero));

    public InMemoryAssessmentStore Store { get; } = new();

    public RecordingEventPublisher Events { get; } = new();

    public AssessEligibilityCommand Assess { get; }

    public GetAssessmentQuery Get { get; }

    public ListAssessmentsQuery List { get; }

    public RecordOverrideCommand Override { get; }

    public ListAuditEntriesQuery Audit { get; }

    public async Task<Assessment> AssessAsync(V1.PatientFacts facts, string patientReference = "mrn-1001")
    {
        var response = await Assess.ExecuteAsync(
            new AssessEligibilityRequest { PatientReference = patientReference, Facts = facts }, Prescriber, CancellationToken.None);
        return response.Assessment;
    }
}
