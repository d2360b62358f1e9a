namespace Ivig.Dosing.Domain;

/// <summary>The versioned product catalogue (data file <c>products.v1.json</c>).</summary>
public sealed record ProductCatalogue(string Version, IReadOnlyList<Product> Products)
{
    public Product? Find(string productId) =>
        Products.FirstOrDefault(p => string.Equals(p.Id, productId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Products allowed under the given IgA ceiling and stabilizer exclusions, in catalogue order.</summary>
    public IReadOnlyList<Product> Filter(decimal? maxIgaMicrogramsPerMl, IEnumerable<string> excludedStabilizers)
    {
        ArgumentNullException.ThrowIfNull(excludedStabilizers);
        return Filter(new ProductConstraints
        {
            MaxIgaMicrogramsPerMl = maxIgaMicrogramsPerMl,
            ExcludedStabilizers = [.. excludedStabilizers],
        });
    }

    public IReadOnlyList<Product> Filter(ProductConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return [.. Products.Where(p => constraints.Check(p).Count == 0)];
    }

    /// <summary>Every reason the product is refused; empty when it is allowed.</summary>
    public static IReadOnlyList<ProductRefusal> Check(Product product, ProductConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return constraints.Check(product);
    }
}
