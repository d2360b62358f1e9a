using Ivig.Dosing.Features.Products;
using Ivig.Dosing.Tests.Domain;
using Ivig.Dosing.Tests.Fakes;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Tests.Features;

/// <summary>ListProducts filtered by an assessment's constraints (PRE-IGA, PRE-FRUCTOSE, PRE-PROLINE).</summary>
public class ListProductsQueryTests
{
    private readonly FakeEligibility _eligibility = new();
    private readonly ListProductsQuery _query;

    public ListProductsQueryTests() => _query = new ListProductsQuery(ShippedCatalogue.Value, _eligibility);

    private async Task<IReadOnlyList<string>> List(V1.ListProductsRequest request) =>
        [.. (await _query.ListAsync(request, null, CancellationToken.None)).Products.Select(p => p.ProductId)];

    [Fact]
    public async Task Without_an_assessment_every_product_is_listed_and_eligibility_is_not_asked()
    {
        Assert.Equal(ShippedCatalogue.Value.Products.Count, (await List(new V1.ListProductsRequest())).Count);
        Assert.Equal(0, _eligibility.Calls);
    }

    [Fact]
    public async Task An_iga_deficient_patient_gets_only_products_with_iga_up_to_25()
    {
        var id = _eligibility.Add(FakeEligibility.Assessment(Decision.EligibleWithPrecautions, c => c.MaxIgaMicrogramsPerMl = 25));

        Assert.Equal(["privigen"], await List(new V1.ListProductsRequest { AssessmentId = id.ToString() }));
    }

    [Fact]
    public async Task Fructose_intolerance_and_hyperprolinemia_exclude_sorbitol_and_proline_products()
    {
        var id = _eligibility.Add(FakeEligibility.Assessment(Decision.EligibleWithPrecautions, c => c.ExcludedStabilizers.Add(["sorbitol", "proline"])));

        var products = await List(new V1.ListProductsRequest { AssessmentId = id.ToString() });

        Assert.DoesNotContain(products, p => p.StartsWith("flebogamma", StringComparison.Ordinal) || p == "privigen");
        Assert.Equal(ShippedCatalogue.Value.Products.Count - 3, products.Count);
    }

    [Fact]
    public async Task The_request_and_the_assessment_combine_the_stricter_wins()
    {
        var id = _eligibility.Add(FakeEligibility.Assessment(Decision.EligibleWithPrecautions, c => c.MaxIgaMicrogramsPerMl = 100));

        var products = await List(new V1.ListProductsRequest { AssessmentId = id.ToString(), MaxIgaMicrogramsPerMl = 46, ExcludedStabilizers = { "proline" } });

        Assert.Equal(["gamunex-c", "gammagard-liquid"], products);
    }

    [Fact]
    public async Task A_malformed_assessment_id_is_InvalidArgument_with_the_other_bad_fields()
    {
        var ex = await Assert.ThrowsAsync<RequestValidationException>(
            () => _query.ListAsync(new V1.ListProductsRequest { AssessmentId = "nope", ExcludedStabilizers = { "unobtainium" } }, null, CancellationToken.None));

        Assert.Equal(["excluded_stabilizers[0]", "assessment_id"], ex.Violations.Select(v => v.Field));
        Assert.Equal(0, _eligibility.Calls);
    }

    [Fact]
    public async Task An_unknown_assessment_is_NotFound()
    {
        await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => _query.ListAsync(new V1.ListProductsRequest { AssessmentId = Guid.NewGuid().ToString() }, null, CancellationToken.None));
    }
}
