using Ivig.Dosing.Domain;
using Xunit;

namespace Ivig.Dosing.Tests.Domain;

public class ProductFilterTests
{
    [Fact]
    public void Iga_at_most_25_leaves_only_privigen()
    {
        var products = ShippedCatalogue.Value.Filter(25m, []);

        Assert.Equal(["privigen"], products.Select(p => p.Id));
    }

    [Fact]
    public void Sorbitol_exclusion_removes_both_flebogammas()
    {
        var products = ShippedCatalogue.Value.Filter(null, ["sorbitol"]);

        Assert.Equal(8, products.Count);
        Assert.DoesNotContain(products, p => p.Stabilizer == "sorbitol");
    }

    [Fact]
    public void Constraints_combine_and_compare_stabilizers_case_insensitively()
    {
        var products = ShippedCatalogue.Value.Filter(100m, ["Proline", " SORBITOL "]);

        Assert.Equal(["gamunex-c", "gammagard-liquid", "panzyga"], products.Select(p => p.Id));
    }

    [Fact]
    public void No_constraints_keep_every_product()
    {
        Assert.Equal(ShippedCatalogue.Value.Products.Count, ShippedCatalogue.Value.Filter(ProductConstraints.None).Count);
    }

    [Fact]
    public void Check_gives_every_reason_a_product_is_refused()
    {
        var constraints = new ProductConstraints { MaxIgaMicrogramsPerMl = 25m, ExcludedStabilizers = ["maltose"] };

        var refusals = ProductCatalogue.Check(ShippedCatalogue.Get("octagam-10"), constraints);

        Assert.Equal([ProductRefusalReason.IgaAboveLimit, ProductRefusalReason.StabilizerExcluded], refusals.Select(r => r.Reason));
        Assert.Equal("Octagam 10%: IgA up to 106 µg/mL is above the 25 µg/mL allowed", refusals[0].Message);
        Assert.Equal("Octagam 10%: stabilizer 'maltose' is excluded for this patient", refusals[1].Message);
    }

    [Fact]
    public void Check_is_empty_for_an_allowed_product()
    {
        var constraints = new ProductConstraints { MaxIgaMicrogramsPerMl = 25m, ExcludedStabilizers = ["sorbitol"] };

        Assert.Empty(ProductCatalogue.Check(ShippedCatalogue.Get("privigen"), constraints));
    }

    [Fact]
    public void Find_is_case_insensitive_and_null_when_absent()
    {
        Assert.Equal("privigen", ShippedCatalogue.Value.Find("Privigen")?.Id);
        Assert.Null(ShippedCatalogue.Value.Find("nope"));
    }
}
