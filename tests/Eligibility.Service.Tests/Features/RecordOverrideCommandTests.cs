using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Features.Overrides;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Tests.Features;

public class RecordOverrideCommandTests
{
    private static readonly Caller OtherPrescriber = new("dr-0077", "prescriber");

    private readonly FeatureHarness _harness = new();

    private Task<RecordOverrideResponse> OverrideAsync(string assessmentId, string reason, Caller? by = null) =>
        _harness.Override.ExecuteAsync(
            new RecordOverrideRequest { AssessmentId = assessmentId, Reason = reason }, by ?? OtherPrescriber, CancellationToken.None);

    [Fact]
    public async Task Not_recommended_can_be_overridden_with_a_reason_and_the_decision_stays()
    {
        var assessment = await _harness.AssessAsync(ProtoFacts.SpmsProgression());
        Assert.Equal(Decision.NotRecommended, assessment.Decision);
        _harness.Time.Advance(TimeSpan.FromMinutes(5));

        var overridden = (await OverrideAsync(assessment.AssessmentId, "  Patient-specific MDT decision after review.  ")).Assessment;

        Assert.Equal(Decision.NotRecommended, overridden.Decision);
        Assert.Equal(assessment.Reasons, overridden.Reasons);
        Assert.Equal("Patient-specific MDT decision after review.", overridden.Override.Reason);
        Assert.Equal(OtherPrescriber.Subject, overridden.Override.By.Subject);
        Assert.Equal(_harness.Time.GetUtcNow(), overridden.Override.RecordedAt.ToDateTimeOffset());

        var read = (await _harness.Get.ExecuteAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId }, CancellationToken.None)).Assessment;
        Assert.Equal(overridden, read);
    }

    [Fact]
    public async Task The_override_is_audited_after_the_assessment()
    {
        var assessment = await _harness.AssessAsync(ProtoFacts.RelapseWithoutSteroids());
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await OverrideAsync(assessment.AssessmentId, "Steroids contraindicated (psychosis).");

        var trail = (await _harness.Audit.ExecuteAsync(
            new ListAuditEntriesRequest { AssessmentId = assessment.AssessmentId }, CancellationToken.None)).Entries;

        Assert.Equal([AuditRecord.OverrideAction, AuditRecord.AssessAction], trail.Select(e => e.Action));
        Assert.Equal([OtherPrescriber.Subject, FeatureHarness.Prescriber.Subject], trail.Select(e => e.Actor.Subject));
        Assert.All(trail, e => Assert.Equal(Decision.ConsiderAlternativeFirst, e.Decision));
        Assert.All(trail, e => Assert.Equal(assessment.FactsHash, e.FactsHash));
        Assert.Contains("Steroids contraindicated (psychosis).", trail[0].Detail, StringComparison.Ordinal);
        Assert.Contains("CONSIDER_ALTERNATIVE_FIRST", trail[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contraindicated_is_never_overridable()
    {
        var assessment = await _harness.AssessAsync(ProtoFacts.Anaphylaxis());

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => OverrideAsync(assessment.AssessmentId, "I insist."));

        Assert.Equal(RecordOverrideCommand.NotOverridable, ex.Condition);
        Assert.Single(_harness.Store.AuditTrail);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Eligible_and_insufficient_data_have_nothing_to_override(bool insufficient)
    {
        var facts = ProtoFacts.RefractoryRelapse();
        if (insufficient)
        {
            facts.PlasmaExchangeStatus = PlasmaExchangeStatus.Unspecified;
        }

        var assessment = await _harness.AssessAsync(facts);
        Assert.Equal(insufficient ? Decision.InsufficientData : Decision.Eligible, assessment.Decision);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => OverrideAsync(assessment.AssessmentId, "Reason."));

        Assert.Equal(RecordOverrideCommand.NothingToOverride, ex.Condition);
    }

    [Fact]
    public async Task An_override_is_recorded_only_once()
    {
        var assessment = await _harness.AssessAsync(ProtoFacts.SpmsProgression());
        await OverrideAsync(assessment.AssessmentId, "First reason.");

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => OverrideAsync(assessment.AssessmentId, "Second reason."));

        Assert.Equal(RecordOverrideCommand.AlreadyOverridden, ex.Condition);
        Assert.Equal("First reason.", Assert.Single(_harness.Store.Assessments).Override!.Reason);
        Assert.Equal(2, _harness.Store.AuditTrail.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    public async Task A_reason_is_mandatory(string reason)
    {
        var assessment = await _harness.AssessAsync(ProtoFacts.SpmsProgression());

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => OverrideAsync(assessment.AssessmentId, reason));

        Assert.Equal(["reason"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_reason_is_at_most_1000_characters()
    {
        var assessment = await _harness.AssessAsync(ProtoFacts.SpmsProgression());

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => OverrideAsync(assessment.AssessmentId, new string('x', 1001)));

        Assert.Equal(["reason"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task An_unknown_assessment_is_not_found() =>
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => OverrideAsync(Guid.NewGuid().ToString(), "Reason."));

    [Theory]
    [InlineData("", "Reason.", new[] { "assessment_id" })]
    [InlineData("not-a-guid", "", new[] { "assessment_id", "reason" })]
    public async Task A_malformed_request_is_invalid(string assessmentId, string reason, string[] fields)
    {
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => OverrideAsync(assessmentId, reason));
        Assert.Equal(fields, ex.Violations.Select(v => v.Field));
    }
}
