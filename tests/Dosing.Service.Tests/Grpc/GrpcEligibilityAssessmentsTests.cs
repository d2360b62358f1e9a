using Grpc.Core;
using Ivig.Dosing.Infrastructure;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ivig.Dosing.Tests.Grpc;

/// <summary>How Eligibility's answers and failures reach Dosing's callers: NotFound for an unknown assessment, Unavailable when it cannot answer.</summary>
public class GrpcEligibilityAssessmentsTests
{
    private sealed class FakeClient(Func<GetAssessmentRequest, Task<GetAssessmentResponse>> answer) : EligibilityService.EligibilityServiceClient
    {
        public override AsyncUnaryCall<GetAssessmentResponse> GetAssessmentAsync(GetAssessmentRequest request, CallOptions options) =>
            new(answer(request), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    private static Task<Assessment> Get(Func<GetAssessmentRequest, Task<GetAssessmentResponse>> answer, Guid id, SettledAssessmentCache? cache = null) =>
        new GrpcEligibilityAssessments(new FakeClient(answer), cache ?? new SettledAssessmentCache(), NullLogger<GrpcEligibilityAssessments>.Instance)
            .GetAsync(id, null, CancellationToken.None);

    private static Task<GetAssessmentResponse> Fails(StatusCode code) => Task.FromException<GetAssessmentResponse>(new RpcException(new Status(code, "fake")));

    [Fact]
    public async Task The_assessment_is_returned()
    {
        var id = Guid.NewGuid();

        var assessment = await Get(r => Task.FromResult(new GetAssessmentResponse { Assessment = new Assessment { AssessmentId = r.AssessmentId, Decision = Decision.Eligible } }), id);

        Assert.Equal(id.ToString("D"), assessment.AssessmentId);
    }

    [Theory]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.InvalidArgument)]
    public async Task An_assessment_eligibility_does_not_know_is_NotFound(StatusCode code)
    {
        var ex = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Get(_ => Fails(code), Guid.NewGuid()));

        Assert.Equal("Assessment", ex.ResourceType);
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.Unknown)]
    public async Task Eligibility_failing_is_Unavailable_never_Internal(StatusCode code)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Get(_ => Fails(code), Guid.NewGuid()));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains("Eligibility", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_answer_is_Unavailable()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Get(_ => Task.FromResult(new GetAssessmentResponse()), Guid.NewGuid()));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task A_settled_assessment_is_read_from_Eligibility_once()
    {
        var id = Guid.NewGuid();
        using var cache = new SettledAssessmentCache();
        var calls = 0;
        Task<GetAssessmentResponse> Answer(GetAssessmentRequest r)
        {
            calls++;
            return Task.FromResult(new GetAssessmentResponse { Assessment = new Assessment { AssessmentId = r.AssessmentId, Decision = Decision.EligibleWithPrecautions } });
        }

        var first = await Get(Answer, id, cache);
        first.AssessmentId = "changed by the first caller";
        var second = await Get(Answer, id, cache);

        Assert.Equal(1, calls);
        Assert.Equal(id.ToString("D"), second.AssessmentId);
    }

    [Theory]
    [InlineData(Decision.NotRecommended)]
    [InlineData(Decision.ConsiderAlternativeFirst)]
    [InlineData(Decision.InsufficientData)]
    public async Task An_assessment_that_may_still_gain_an_override_is_read_until_it_has_one(Decision decision)
    {
        var id = Guid.NewGuid();
        using var cache = new SettledAssessmentCache();
        var calls = 0;
        var overridden = false;
        Task<GetAssessmentResponse> Answer(GetAssessmentRequest r)
        {
            calls++;
            var assessment = new Assessment { AssessmentId = r.AssessmentId, Decision = decision };
            if (overridden)
            {
                assessment.Override = new Override { Reason = "steroids contraindicated" };
            }
            return Task.FromResult(new GetAssessmentResponse { Assessment = assessment });
        }

        Assert.Null((await Get(Answer, id, cache)).Override);
        overridden = true;
        Assert.NotNull((await Get(Answer, id, cache)).Override);
        Assert.NotNull((await Get(Answer, id, cache)).Override);

        // Read until the override arrived; from then on it is settled.
        Assert.Equal(2, calls);
    }
}
