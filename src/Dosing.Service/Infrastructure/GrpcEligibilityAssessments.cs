using Grpc.Core;
using Ivig.Dosing.Features.Assessments;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Infrastructure;

/// <summary>
/// <see cref="IEligibilityAssessments"/> over Eligibility's gRPC API. An unknown assessment is <c>NotFound</c>
/// (the request names a resource that does not exist); anything else that stops Eligibility answering is
/// <c>Unavailable</c> for our caller, who may retry; never <c>Internal</c>. Settled assessments are answered
/// from <see cref="SettledAssessmentCache"/>.
/// </summary>
public sealed class GrpcEligibilityAssessments(
    EligibilityService.EligibilityServiceClient client,
    SettledAssessmentCache settled,
    ILogger<GrpcEligibilityAssessments> logger) : IEligibilityAssessments
{
    public async Task<Assessment> GetAsync(Guid assessmentId, DateTime? deadline, CancellationToken cancellationToken)
    {
        if (settled.Find(assessmentId) is { } known)
        {
            return known;
        }
        var id = assessmentId.ToString("D");
        GetAssessmentResponse response;
        try
        {
            response = await client.GetAssessmentAsync(
                new GetAssessmentRequest { AssessmentId = id }, deadline: deadline, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw new ResourceNotFoundException("Assessment", id);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The call was cancelled while reading the assessment.", ex, cancellationToken);
        }
        catch (Exception ex) when (ex is RpcException or HttpRequestException or TimeoutException)
        {
            logger.LogWarning(ex, "Eligibility could not answer GetAssessment ({Status})", (ex as RpcException)?.StatusCode);
            throw Unavailable();
        }

        var assessment = response.Assessment ?? throw Unavailable();
        settled.Offer(assessmentId, assessment);
        return assessment;
    }

    private static RpcException Unavailable() =>
        new(new Status(StatusCode.Unavailable, "The Eligibility service is unavailable, so the assessment cannot be read; retry later."));
}
