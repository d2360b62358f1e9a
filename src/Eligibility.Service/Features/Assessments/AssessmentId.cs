using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>Reads an assessment id from a request: a Guid as this service returns it.</summary>
public static class AssessmentId
{
    public const string ResourceType = "Assessment";

    /// <summary>The id, or null with a violation on <paramref name="field"/> (required unless <paramref name="optional"/>).</summary>
    public static Guid? Read(string value, string field, List<FieldViolation> violations, bool optional = false)
    {
        if (value.Length == 0)
        {
            if (!optional)
            {
                violations.Add(new(field, "Required: the assessment_id returned by AssessEligibility."));
            }

            return null;
        }

        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        violations.Add(new(field, "Not an assessment id (a UUID as returned by AssessEligibility)."));
        return null;
    }
}
