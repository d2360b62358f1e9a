using Ivig.Dosing.Domain;
using Ivig.Dosing.Grpc;
using Ivig.Dosing.V1;
using Ivig.ServiceDefaults.Grpc;
using FieldViolation = Ivig.ServiceDefaults.Grpc.FieldViolation;

namespace Ivig.Dosing.Features.Products;

/// <summary>ListProducts and GetProduct: the catalogue, filtered by a patient's product constraints.</summary>
public sealed class ListProductsQuery(ProductCatalogue catalogue)
{
    private readonly HashSet<string> _knownStabilizers =
        catalogue.Products.Select(p => p.Stabilizer).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public ListProductsResponse List(ListProductsRequest request, Domain.ProductConstraints? assessmentConstraints = null)
    {
        var violations = new List<FieldViolation>();
        if (request.HasMaxIgaMicrogramsPerMl && !(request.MaxIgaMicrogramsPerMl >= 0 && double.IsFinite(request.MaxIgaMicrogramsPerMl)))
        {
            violations.Add(new("max_iga_micrograms_per_ml", "Must be a finite number of µg/mL, 0 or more."));
        }
        for (var i = 0; i < request.ExcludedStabilizers.Count; i++)
        {
            if (!_knownStabilizers.Contains(request.ExcludedStabilizers[i].Trim()))
            {
                violations.Add(new($"excluded_stabilizers[{i}]",
                    $"Unknown stabilizer '{request.ExcludedStabilizers[i]}'; known: {string.Join(", ", _knownStabilizers.Order())}."));
            }
        }
        RequestValidationException.ThrowIfAny(violations);

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

    public GetProductResponse Get(GetProductRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ProductId))
        {
            throw new RequestValidationException([new("product_id", "Required.")]);
        }
        var product = catalogue.Find(request.ProductId) ?? throw new ResourceNotFoundException("Product", request.ProductId);
        return new GetProductResponse { Product = product.ToProto() };
    }

    private static decimal? Min(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
