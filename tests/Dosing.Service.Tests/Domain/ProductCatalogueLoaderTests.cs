using System.Text;
using System.Text.Json.Nodes;
using Ivig.Dosing.Domain;
using Xunit;

namespace Ivig.Dosing.Tests.Domain;

public class ProductCatalogueLoaderTests
{
    private const string ValidProduct = """
        {
          "id": "test-10",
          "name": "Test 10%",
          "concentrationPercent": 10,
          "stabilizer": "glycine",
          "igaMaxMicrogramsPerMl": 37,
          "ladder": [ { "rateMgPerKgMin": 0.5, "minutes": 30 }, { "rateMgPerKgMin": 2, "minutes": 30 }, { "rateMgPerKgMin": 8 } ],
          "maxRateMgPerKgMin": 8,
          "atRiskCapMgPerKgMin": 2,
          "vialSizesGrams": [2.5, 5, 10],
          "source": "test label",
          "localDefaults": ["atRiskCapMgPerKgMin"]
        }
        """;

    private static ProductCatalogue Load(string json) => ProductCatalogueLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Catalogue(params JsonNode[] products) =>
        new JsonObject { ["version"] = "test", ["products"] = new JsonArray(products) }.ToJsonString();

    private static JsonNode Product(Action<JsonObject>? change = null)
    {
        var product = JsonNode.Parse(ValidProduct)!.AsObject();
        change?.Invoke(product);
        return product;
    }

    private static IReadOnlyList<string> ErrorsOf(string json) => Assert.Throws<ProductCatalogueException>(() => Load(json)).Errors;

    [Fact]
    public void Shipped_catalogue_loads_and_validates_cleanly()
    {
        using var stream = File.OpenRead(ShippedCatalogue.FilePath);

        var catalogue = ProductCatalogueLoader.Load(stream);

        Assert.Empty(ProductCatalogueValidator.Validate(catalogue));
        Assert.Equal("1.0.0", catalogue.Version);
        Assert.Equal(
            ["privigen", "gamunex-c", "octagam-10", "octagam-5", "gammagard-liquid", "panzyga", "flebogamma-10-dif", "flebogamma-5-dif", "bivigam", "asceniv"],
            catalogue.Products.Select(p => p.Id));
    }

    [Fact]
    public void Shipped_catalogue_carries_section_4()
    {
        var octagam = ShippedCatalogue.Get("octagam-10");
        Assert.Equal(12m, octagam.MaxRateMgPerKgMin);
        Assert.Equal(3.3m, octagam.AtRiskCapMgPerKgMin);
        Assert.Equal([1m, 2m, 4m, 8m], octagam.Ladder.Select(s => s.RateMgPerKgMin));
        Assert.Equal("maltose", octagam.Stabilizer);
        Assert.Empty(octagam.LocalDefaults);

        var privigen = ShippedCatalogue.Get("privigen");
        Assert.Equal(25m, privigen.IgaMaxMicrogramsPerMl);
        Assert.Equal("proline", privigen.Stabilizer);
        Assert.Equal(100m, privigen.ConcentrationMgPerMl);
        Assert.Equal(["ladder", "atRiskCapMgPerKgMin"], privigen.LocalDefaults);

        var octagam5 = ShippedCatalogue.Get("octagam-5");
        Assert.Equal([0.5m, 1m, 2m, 3.33m], octagam5.Ladder.Select(s => s.RateMgPerKgMin));
        Assert.Equal([30, 30, 30, (int?)null], octagam5.Ladder.Select(s => s.Minutes));

        Assert.Equal(100m, ShippedCatalogue.Get("flebogamma-10-dif").IgaMaxMicrogramsPerMl);
        Assert.Equal([0.5m, 2.5m, 5m, 10m, 20m], ShippedCatalogue.Get("flebogamma-5-dif").VialSizesGrams);
        Assert.Equal(6m, ShippedCatalogue.Get("bivigam").Ladder[^1].RateMgPerKgMin);
        Assert.Equal(
            ["proline", "glycine", "maltose", "sorbitol"],
            ShippedCatalogue.Value.Products.Select(p => p.Stabilizer).Distinct());
    }

    [Fact]
    public void A_valid_catalogue_loads()
    {
        var catalogue = Load(Catalogue(Product()));

        var product = Assert.Single(catalogue.Products);
        Assert.Equal(3, product.Ladder.Count);
        Assert.Null(product.Ladder[^1].Minutes);
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var errors = ErrorsOf(Catalogue(Product(), Product()));

        Assert.Equal(["product 'test-10': id is not unique (products[1] repeats it)"], errors);
    }

    [Theory]
    [InlineData("concentrationPercent", "0", "product 'test-10': concentrationPercent 0 must be above 0 and at most 100")]
    [InlineData("maxRateMgPerKgMin", "6", "product 'test-10': ladder[2].rateMgPerKgMin 8 is above maxRateMgPerKgMin 6")]
    [InlineData("atRiskCapMgPerKgMin", "9", "product 'test-10': atRiskCapMgPerKgMin 9 must not be above maxRateMgPerKgMin 8")]
    [InlineData("atRiskCapMgPerKgMin", "0", "product 'test-10': atRiskCapMgPerKgMin 0 must be above 0")]
    [InlineData("igaMaxMicrogramsPerMl", "-1", "product 'test-10': igaMaxMicrogramsPerMl -1 must not be negative")]
    [InlineData("stabilizer", "\"L-Proline\"", "product 'test-10': stabilizer 'L-Proline' must be a lowercase name such as 'proline', 'glycine', 'maltose' or 'sorbitol'")]
    [InlineData("id", "\"Test 10\"", "product 'Test 10': id 'Test 10' must be lowercase letters, digits and single hyphens")]
    [InlineData("ladder", "[]", "product 'test-10': ladder is empty: a product needs at least its initial rate")]
    [InlineData("vialSizesGrams", "[]", "product 'test-10': vialSizesGrams is empty")]
    [InlineData("vialSizesGrams", "[5, 0]", "product 'test-10': vialSizesGrams[1] 0 must be above 0")]
    [InlineData("vialSizesGrams", "[2.55]", "product 'test-10': vialSizesGrams[0] 2.55 must be a whole number of tenths of a gram")]
    [InlineData("vialSizesGrams", "[5, 5]", "product 'test-10': vialSizesGrams lists 5 more than once")]
    [InlineData("source", "\"\"", "product 'test-10': source is empty: say where the numbers come from")]
    [InlineData("localDefaults", "[\"cap\"]", "product 'test-10': localDefaults names 'cap', which is not a product field (atRiskCapMgPerKgMin, concentrationPercent, igaMaxMicrogramsPerMl, ladder, maxRateMgPerKgMin, stabilizer, vialSizesGrams)")]
    public void Invalid_fields_are_named(string field, string value, string expected)
    {
        var errors = ErrorsOf(Catalogue(Product(p => p[field] = JsonNode.Parse(value))));

        Assert.Equal([expected], errors);
    }

    [Fact]
    public void Ladder_rates_must_ascend()
    {
        var ladder = """[ { "rateMgPerKgMin": 2, "minutes": 30 }, { "rateMgPerKgMin": 1, "minutes": 30 }, { "rateMgPerKgMin": 4 } ]""";

        var errors = ErrorsOf(Catalogue(Product(p => p["ladder"] = JsonNode.Parse(ladder))));

        Assert.Equal(["product 'test-10': ladder[1].rateMgPerKgMin 1 must be above the previous step's 2 (rates ascend)"], errors);
    }

    [Fact]
    public void Only_the_last_step_is_held()
    {
        var ladder = """[ { "rateMgPerKgMin": 1 }, { "rateMgPerKgMin": 2, "minutes": 0 }, { "rateMgPerKgMin": 4, "minutes": 30 } ]""";

        var errors = ErrorsOf(Catalogue(Product(p => p["ladder"] = JsonNode.Parse(ladder))));

        Assert.Equal(
            [
                "product 'test-10': ladder[0].minutes must be above 0 on every step but the last (was missing)",
                "product 'test-10': ladder[1].minutes must be above 0 on every step but the last (was 0)",
                "product 'test-10': ladder[2].minutes must be absent on the last step, which is held until the dose is given",
            ],
            errors);
    }

    [Fact]
    public void Missing_fields_are_named()
    {
        var errors = ErrorsOf(Catalogue(Product(p =>
        {
            p.Remove("concentrationPercent");
            p.Remove("vialSizesGrams");
            p["ladder"]![0]!.AsObject().Remove("rateMgPerKgMin");
        })));

        Assert.Equal(
            [
                "product 'test-10': concentrationPercent is missing",
                "product 'test-10': vialSizesGrams is missing",
                "product 'test-10': ladder[0].rateMgPerKgMin is missing",
            ],
            errors);
    }

    [Fact]
    public void A_misspelt_field_fails_instead_of_being_ignored()
    {
        var errors = ErrorsOf(Catalogue(Product(p => p["maxRate"] = 8)));

        var error = Assert.Single(errors);
        Assert.Contains("maxRate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_catalogue_error()
    {
        var ex = Assert.Throws<ProductCatalogueException>(() => Load("{ \"version\": \"1\", \"products\": [ "));

        Assert.StartsWith("not a valid catalogue document", Assert.Single(ex.Errors), StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void Empty_catalogue_and_missing_version_are_refused()
    {
        var errors = ErrorsOf("""{ "products": [] }""");

        Assert.Equal(["version is missing or empty", "products is empty: a catalogue needs at least one product"], errors);
    }

    [Fact]
    public void Every_error_is_reported_at_once_across_products()
    {
        var errors = ErrorsOf(Catalogue(
            Product(p => p["concentrationPercent"] = 0),
            Product(p =>
            {
                p["id"] = "second";
                p["atRiskCapMgPerKgMin"] = 20;
                p["vialSizesGrams"] = new JsonArray();
            })));

        Assert.Equal(3, errors.Count);
        Assert.Contains("product 'second': vialSizesGrams is empty", errors);
    }

    [Fact]
    public void Exception_message_lists_every_error()
    {
        var ex = Assert.Throws<ProductCatalogueException>(() => Load("""{ "products": [] }"""));

        Assert.Contains("version is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("products is empty", ex.Message, StringComparison.Ordinal);
    }
}
