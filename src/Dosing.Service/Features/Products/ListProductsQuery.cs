using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.Assessments;
using Ivig.Dosing.Grpc;
using Ivig.Dosing.V1;
using Ivig.ServiceDefaults.Grpc;
using FieldViolation = Ivig.ServiceDefaults.Grpc.FieldViolation;

namespace Ivig.Dosing.Features.Products;

/// <summary>
/// ListProducts and GetProduct: the catalogue, filtered by the request's constraints and, given an
/// <c>assessment_id</c>, by that assessment's (PRE-IGA, PRE-FRUCTOSE, PRE-PROLINE). The two combine: the stricter wins.
/// </summary>
public sealed class ListProductsQuery(ProductCatalogue catalogue, IEligibilityAssessments assessments)
{
    private readonly HashSet<string> _knownStabilizers =
        catalogue.Products.Select(p => p.Stabilizer).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task<ListProductsResponse> ListAsync(ListProductsRequest request, DateTime? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = Validate(request);
        var assessmentId = Guid.Empty;
        if (request.AssessmentId.Length > 0 && !Guid.TryParse(request.AssessmentId, out assessmentId))
        {
            violations.Add(new("assessment_id", "Must be an assessment id (a UUID) as Eligibility returned it, or empty."));
        }

        RequestValidationException.ThrowIfAny(violations);
        if (request.AssessmentId.Length == 0)
        {
            return Filter(request, null);
        }

        // The assessment's decision is PlanRegimen's gate; here only its product constraints apply.
        var assessment = await assessments.GetAsync(assessmentId, deadline, cancellationToken);
        return Filter(request, AssessmentConstraints.ToDomain(assessment.Constraints, catalogue));
    }

    public ListProductsResponse List(ListProductsRequest request, Domain.ProductConstraints? assessmentConstraints = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(Validate(request));
        return Filter(request, assessmentConstraints);
    }

    // Catalogue ids are short slugs ("privigen"); a longer one cannot exist and is not echoed back.
    private const int MaxProductIdLength = 64;

    public GetProductResponse Get(GetProductRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ProductId))
        {
            throw new RequestValidationException([new("product_id", "Required.")]);
        }
        if (request.ProductId.Length > MaxProductIdLength)
        {
            throw new RequestValidationException([new("product_id", $"At most {MaxProductIdLength} characters.")]);
        }
        var product = catalogue.Find(request.ProductId) ?? throw new ResourceNotFoundException("Product", request.ProductId);
        return new GetProductResponse { Product = product.ToProto() };
    }

    private List<FieldViolation> Validate(ListProductsRequest request)
    {
        var violations = new List<FieldViolation>();
        if (request.HasMaxIgaMicrogramsPerMl && !(request.MaxIgaMicrogramsPerMl >= 0 && double.IsFinite(request.MaxIgaMicrogramsPerMl) && request.MaxIgaMicrogramsPerMl < 1e9))
        {
            violations.Add(new("max_iga_micrograms_per_ml", "Must be a finite number of µg/mL, 0 or more."));
        }
        for (var i = 0; i < request.ExcludedStabilizers.Count; i++)
        {
            if (!_knownStabilizers.Contains(request.ExcludedStabilizers[i].Trim()))
            {
                violations.Add(new($"excluded_stabilizers[{i}]",
                    $"Unknown stabilizer; known: {string.Join(", ", _knownStabilizers.Order())}.")); // never echo the value
            }
        }
        return violations;
    }

    private ListProductsResponse Filter(ListProductsRequest request, Domain.ProductConstraints? assessmentConstraints)
    {
        var constraints = new Domain.ProductConstraints
        {
            MaxIgaMicrogramsPerMl = Min(request.HasMaxIgaMicrogramsPerMl ? (decimal)request.MaxIgaMicrogramsPerMl : null,
                assessmentConstraints?.MaxIgaMicrogramsPerMl),
            ExcludedStabilizers = request.ExcludedStabilizers.Select(s => s.Trim())
                .Concat(assessmentConstraints?.ExcludedStabilizers ?? [])
                .ToHashSet(StringComparer.OrdinalIgnoreCase),
        };

        return new ListProductsResponse
        {
            CatalogueVersion = catalogue.Version,
            Products = { catalogue.Filter(constraints).Select(p => p.ToProto()) },
        };
    }

    private static decimal? Min(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
