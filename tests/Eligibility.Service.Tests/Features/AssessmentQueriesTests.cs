using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Tests.Features;

public class AssessmentQueriesTests
{
    private readonly FeatureHarness _harness = new();

    private async Task<List<string>> AssessSeveralAsync(string patientReference, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await _harness.AssessAsync(ProtoFacts.RefractoryRelapse(), patientReference)).AssessmentId);
            _harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        return ids;
    }

    private Task<ListAssessmentsResponse> ListAsync(string patientReference, int pageSize = 0, string pageToken = "") =>
        _harness.List.ExecuteAsync(
            new ListAssessmentsRequest { PatientReference = patientReference, PageSize = pageSize, PageToken = pageToken },
            CancellationToken.None);

    [Fact]
    public async Task GetAssessment_returns_the_stored_assessment()
    {
        var assessed = await _harness.AssessAsync(ProtoFacts.RefractoryRelapse());

        var read = await _harness.Get.ExecuteAsync(new GetAssessmentRequest { AssessmentId = assessed.AssessmentId }, CancellationToken.None);

        Assert.Equal(assessed, read.Assessment);
    }

    [Fact]
    public async Task GetAssessment_of_an_unknown_id_is_not_found() =>
        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            _harness.Get.ExecuteAsync(new GetAssessmentRequest { AssessmentId = Guid.NewGuid().ToString() }, CancellationToken.None));

    [Theory]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("../../etc/passwd")]
    public async Task GetAssessment_of_a_malformed_id_is_invalid(string id)
    {
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            _harness.Get.ExecuteAsync(new GetAssessmentRequest { AssessmentId = id }, CancellationToken.None));
        Assert.Equal(["assessment_id"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task ListAssessments_lists_one_patient_newest_first()
    {
        var mine = await AssessSeveralAsync("mrn-1001", 3);
        await AssessSeveralAsync("mrn-2002", 2);

        var listed = await ListAsync("mrn-1001");

        Assert.Equal(Enumerable.Reverse(mine), listed.Assessments.Select(a => a.AssessmentId));
        Assert.Equal("", listed.NextPageToken);
    }

    [Fact]
    public async Task ListAssessments_pages_with_opaque_tokens_without_gaps_or_repeats()
    {
        var ids = await AssessSeveralAsync("mrn-1001", 5);

        var first = await ListAsync("mrn-1001", pageSize: 2);
        var second = await ListAsync("mrn-1001", pageSize: 2, first.NextPageToken);
        var third = await ListAsync("mrn-1001", pageSize: 2, second.NextPageToken);

        Assert.Equal(
            Enumerable.Reverse(ids),
            first.Assessments.Concat(second.Assessments).Concat(third.Assessments).Select(a => a.AssessmentId));
        Assert.NotEqual("", first.NextPageToken);
        Assert.Equal("", third.NextPageToken);
    }

    [Fact]
    public async Task A_new_assessment_does_not_shift_the_next_page()
    {
        var ids = await AssessSeveralAsync("mrn-1001", 4);
        var first = await ListAsync("mrn-1001", pageSize: 2);

        await AssessSeveralAsync("mrn-1001", 1);
        var second = await ListAsync("mrn-1001", pageSize: 2, first.NextPageToken);

        Assert.Equal([ids[1], ids[0]], second.Assessments.Select(a => a.AssessmentId));
    }

    [Fact]
    public async Task Assessments_at_the_same_millisecond_page_correctly()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _harness.AssessAsync(ProtoFacts.RefractoryRelapse())).AssessmentId); // clock stands still
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await ListAsync("mrn-1001", pageSize: 2, token);
            seen.AddRange(page.Assessments.Select(a => a.AssessmentId));
            token = page.NextPageToken;
        }
        while (token != "");

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_patient_has_no_assessments() =>
        Assert.Empty((await ListAsync("mrn-9999")).Assessments);

    [Fact]
    public async Task A_token_of_another_patient_is_refused()
    {
        await AssessSeveralAsync("mrn-1001", 3);
        var first = await ListAsync("mrn-1001", pageSize: 1);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => ListAsync("mrn-2002", pageSize: 1, first.NextPageToken));

        Assert.Equal(["page_token"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Bad_paging_and_reference_are_invalid()
    {
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => ListAsync("John Smith", pageSize: 101, "garbage"));

        Assert.Equal(["patient_reference", "page_size", "page_token"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task ListAuditEntries_lists_everything_newest_first_and_pages()
    {
        var ids = await AssessSeveralAsync("mrn-1001", 3);

        var first = await _harness.Audit.ExecuteAsync(new ListAuditEntriesRequest { PageSize = 2 }, CancellationToken.None);
        var second = await _harness.Audit.ExecuteAsync(new ListAuditEntriesRequest { PageSize = 2, PageToken = first.NextPageToken }, CancellationToken.None);

        Assert.Equal(Enumerable.Reverse(ids), first.Entries.Concat(second.Entries).Select(e => e.AssessmentId));
        Assert.Equal("", second.NextPageToken);
    }

    [Fact]
    public async Task ListAuditEntries_of_an_unknown_assessment_is_not_found() =>
        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            _harness.Audit.ExecuteAsync(new ListAuditEntriesRequest { AssessmentId = Guid.NewGuid().ToString() }, CancellationToken.None));

    [Fact]
    public async Task ListAuditEntries_refuses_a_token_of_another_list()
    {
        var ids = await AssessSeveralAsync("mrn-1001", 3);
        var all = await _harness.Audit.ExecuteAsync(new ListAuditEntriesRequest { PageSize = 1 }, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => _harness.Audit.ExecuteAsync(
            new ListAuditEntriesRequest { AssessmentId = ids[0], PageToken = all.NextPageToken }, CancellationToken.None));

        Assert.Equal(["page_token"], ex.Violations.Select(v => v.Field));
    }
}
