using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ivig.Dosing.Domain;

/// <summary>Reads the product catalogue JSON (<c>products.v1.json</c>) and validates it before anyone doses from it.</summary>
public static class ProductCatalogueLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A misspelt field must fail the load, not silently fall back to nothing.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses and validates a catalogue.</summary>
    /// <exception cref="ProductCatalogueException">The JSON is malformed, a field is missing, or a rule of <see cref="ProductCatalogueValidator"/> fails.</exception>
    public static ProductCatalogue Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CatalogueDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<CatalogueDto>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ProductCatalogueException([$"not a valid catalogue document: {ex.Message}"], ex);
        }

        if (dto is null)
        {
            throw new ProductCatalogueException(["the document is empty (null)"]);
        }

        var errors = new List<string>();
        var catalogue = Map(dto, errors);
        // Products that could not be read are already reported; don't also call the catalogue empty for want of them.
        var someUnread = catalogue.Products.Count < (dto.Products?.Count ?? 0);
        errors.AddRange(ProductCatalogueValidator.Validate(catalogue)
            .Where(e => !(someUnread && e == ProductCatalogueValidator.NoProductsError)));
        return errors.Count == 0 ? catalogue : throw new ProductCatalogueException(errors);
    }

    public static ProductCatalogue LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    private static ProductCatalogue Map(CatalogueDto dto, List<string> errors)
    {
        if (dto.Products is null)
        {
            errors.Add("products is missing");
        }

        var products = new List<Product>();
        for (var i = 0; i < (dto.Products?.Count ?? 0); i++)
        {
            var product = MapProduct(dto.Products![i], i, errors);
            if (product is not null)
            {
                products.Add(product);
            }
        }

        return new ProductCatalogue(dto.Version ?? "", products);
    }

    private static Product? MapProduct(ProductDto? p, int index, List<string> errors)
    {
        if (p is null)
        {
            errors.Add($"products[{index}] is null");
            return null;
        }

        var label = p.Id is { Length: > 0 } id ? $"product '{id}'" : $"products[{index}]";
        var missing = new List<string>();
        void Require(object? value, string field)
        {
            if (value is null)
            {
                missing.Add(field);
            }
        }

        Require(p.Id, "id");
        Require(p.Name, "name");
        Require(p.ConcentrationPercent, "concentrationPercent");
        Require(p.Stabilizer, "stabilizer");
        Require(p.IgaMaxMicrogramsPerMl, "igaMaxMicrogramsPerMl");
        Require(p.Ladder, "ladder");
        Require(p.MaxRateMgPerKgMin, "maxRateMgPerKgMin");
        Require(p.AtRiskCapMgPerKgMin, "atRiskCapMgPerKgMin");
        Require(p.VialSizesGrams, "vialSizesGrams");
        Require(p.Source, "source");
        for (var s = 0; s < (p.Ladder?.Count ?? 0); s++)
        {
            if (p.Ladder![s] is null)
            {
                missing.Add($"ladder[{s}]");
            }
            else
            {
                Require(p.Ladder[s]!.RateMgPerKgMin, $"ladder[{s}].rateMgPerKgMin");
            }
        }

        if (missing.Count > 0)
        {
            errors.AddRange(missing.Select(field => $"{label}: {field} is missing"));
            return null;
        }

        return new Product
        {
            Id = p.Id!,
            Name = p.Name!,
            ConcentrationPercent = p.ConcentrationPercent!.Value,
            Stabilizer = p.Stabilizer!,
            IgaMaxMicrogramsPerMl = p.IgaMaxMicrogramsPerMl!.Value,
            Ladder = [.. p.Ladder!.Select(s => new TitrationStep(s!.RateMgPerKgMin!.Value, s.Minutes))],
            MaxRateMgPerKgMin = p.MaxRateMgPerKgMin!.Value,
            AtRiskCapMgPerKgMin = p.AtRiskCapMgPerKgMin!.Value,
            VialSizesGrams = [.. p.VialSizesGrams!],
            Source = p.Source!,
            LocalDefaults = p.LocalDefaults ?? [],
            Notes = p.Notes ?? [],
        };
    }

    // Wire shapes: every member nullable so that a missing field is reported by name instead of defaulting to 0.
    private sealed class CatalogueDto
    {
        public string? Version { get; set; }
        public string? Source { get; set; }
        public List<string>? Notes { get; set; }
        public List<ProductDto?>? Products { get; set; }
    }

    private sealed class ProductDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public decimal? ConcentrationPercent { get; set; }
        public string? Stabilizer { get; set; }
        public decimal? IgaMaxMicrogramsPerMl { get; set; }
        public List<StepDto?>? Ladder { get; set; }
        public decimal? MaxRateMgPerKgMin { get; set; }
        public decimal? AtRiskCapMgPerKgMin { get; set; }
        public List<decimal>? VialSizesGrams { get; set; }
        public string? Source { get; set; }
        public List<string>? LocalDefaults { get; set; }
        public List<string>? Notes { get; set; }
    }

    private sealed class StepDto
    {
        public decimal? RateMgPerKgMin { get; set; }
        public int? Minutes { get; set; }
    }
}
