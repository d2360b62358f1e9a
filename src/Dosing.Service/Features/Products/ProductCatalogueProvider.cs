using Ivig.Dosing.Domain;

namespace Ivig.Dosing.Features.Products;

/// <summary>
/// Loads the product catalogue data file once at start-up. A missing or invalid file stops the
/// service with every problem listed: dosing from a half-read formulary is not an option.
/// </summary>
public static class ProductCatalogueProvider
{
    public const string FileSetting = "Dosing:CatalogueFile";
    private const string DefaultFile = "Data/products.v1.json";

    public static ProductCatalogue Load(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[FileSetting];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultFile : configured, contentRoot);
        if (!File.Exists(path))
        {
            path = Path.Combine(AppContext.BaseDirectory, string.IsNullOrWhiteSpace(configured) ? DefaultFile : configured);
        }
        try
        {
            return ProductCatalogueLoader.LoadFile(path);
        }
        catch (ProductCatalogueException ex)
        {
            throw new InvalidOperationException(
                $"The product catalogue '{path}' is invalid and the Dosing service will not start:{Environment.NewLine}  - "
                + string.Join(Environment.NewLine + "  - ", ex.Errors), ex);
        }
    }
}
