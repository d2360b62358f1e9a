using Ivig.Dosing.Domain;

namespace Ivig.Dosing.Tests.Domain;

/// <summary>The catalogue file the service ships, copied next to the test assembly as Data/products.v1.json.</summary>
internal static class ShippedCatalogue
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Data", "products.v1.json");

    public static ProductCatalogue Value { get; } = ProductCatalogueLoader.LoadFile(FilePath);

    public static Product Get(string id) => Value.Find(id) ?? throw new InvalidOperationException($"no product '{id}' in the shipped catalogue");
}
