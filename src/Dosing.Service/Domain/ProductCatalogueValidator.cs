using System.Text.RegularExpressions;

namespace Ivig.Dosing.Domain;

/// <summary>Checks a catalogue before it is used; returns every problem, each naming the product and the field.</summary>
public static partial class ProductCatalogueValidator
{
    /// <summary>Fields that a product's <c>localDefaults</c> may name.</summary>
    public static IReadOnlySet<string> ReviewableFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "concentrationPercent", "stabilizer", "igaMaxMicrogramsPerMl", "ladder",
        "maxRateMgPerKgMin", "atRiskCapMgPerKgMin", "vialSizesGrams",
    };

    internal const string NoProductsError = "products is empty: a catalogue needs at least one product";

    public static IReadOnlyList<string> Validate(ProductCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(catalogue.Version))
        {
            errors.Add("version is missing or empty");
        }

        if (catalogue.Products.Count == 0)
        {
            errors.Add(NoProductsError);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < catalogue.Products.Count; i++)
        {
            var product = catalogue.Products[i];
            if (!string.IsNullOrEmpty(product.Id) && !seen.Add(product.Id))
            {
                errors.Add($"product '{product.Id}': id is not unique (products[{i}] repeats it)");
            }

            ValidateProduct(product, i, errors);
        }

        return errors;
    }

    private static void ValidateProduct(Product p, int index, List<string> errors)
    {
        var label = string.IsNullOrEmpty(p.Id) ? $"products[{index}]" : $"product '{p.Id}'";
        void Fail(FormattableString message) => errors.Add(label + ": " + Text.Invariant(message));

        if (!IdPattern().IsMatch(p.Id))
        {
            Fail($"id '{p.Id}' must be lowercase letters, digits and single hyphens");
        }

        if (string.IsNullOrWhiteSpace(p.Name))
        {
            Fail($"name is empty");
        }

        if (string.IsNullOrWhiteSpace(p.Source))
        {
            Fail($"source is empty: say where the numbers come from");
        }

        if (p.ConcentrationPercent is <= 0 or > 100)
        {
            Fail($"concentrationPercent {p.ConcentrationPercent} must be above 0 and at most 100");
        }

        if (!StabilizerPattern().IsMatch(p.Stabilizer))
        {
            Fail($"stabilizer '{p.Stabilizer}' must be a lowercase name such as 'proline', 'glycine', 'maltose' or 'sorbitol'");
        }

        if (p.IgaMaxMicrogramsPerMl < 0)
        {
            Fail($"igaMaxMicrogramsPerMl {p.IgaMaxMicrogramsPerMl} must not be negative");
        }

        if (p.MaxRateMgPerKgMin <= 0)
        {
            Fail($"maxRateMgPerKgMin {p.MaxRateMgPerKgMin} must be above 0");
        }

        if (p.AtRiskCapMgPerKgMin <= 0)
        {
            Fail($"atRiskCapMgPerKgMin {p.AtRiskCapMgPerKgMin} must be above 0");
        }
        else if (p.AtRiskCapMgPerKgMin > p.MaxRateMgPerKgMin)
        {
            Fail($"atRiskCapMgPerKgMin {p.AtRiskCapMgPerKgMin} must not be above maxRateMgPerKgMin {p.MaxRateMgPerKgMin}");
        }

        ValidateLadder(p, Fail);
        ValidateVials(p, Fail);

        foreach (var field in p.LocalDefaults.Where(f => !ReviewableFields.Contains(f)))
        {
            Fail($"localDefaults names '{field}', which is not a product field ({string.Join(", ", ReviewableFields.Order(StringComparer.Ordinal))})");
        }
    }

    private static void ValidateLadder(Product p, Action<FormattableString> fail)
    {
        if (p.Ladder.Count == 0)
        {
            fail($"ladder is empty: a product needs at least its initial rate");
            return;
        }

        for (var s = 0; s < p.Ladder.Count; s++)
        {
            var step = p.Ladder[s];
            var isLast = s == p.Ladder.Count - 1;
            if (step.RateMgPerKgMin <= 0)
            {
                fail($"ladder[{s}].rateMgPerKgMin {step.RateMgPerKgMin} must be above 0");
            }

            if (step.RateMgPerKgMin > p.MaxRateMgPerKgMin)
            {
                fail($"ladder[{s}].rateMgPerKgMin {step.RateMgPerKgMin} is above maxRateMgPerKgMin {p.MaxRateMgPerKgMin}");
            }

            if (s > 0 && step.RateMgPerKgMin <= p.Ladder[s - 1].RateMgPerKgMin)
            {
                fail($"ladder[{s}].rateMgPerKgMin {step.RateMgPerKgMin} must be above the previous step's {p.Ladder[s - 1].RateMgPerKgMin} (rates ascend)");
            }

            if (isLast && step.Minutes is not null)
            {
                fail($"ladder[{s}].minutes must be absent on the last step, which is held until the dose is given");
            }
            else if (!isLast && step.Minutes is not > 0)
            {
                fail($"ladder[{s}].minutes must be above 0 on every step but the last (was {(object?)step.Minutes ?? "missing"})");
            }
        }
    }

    private static void ValidateVials(Product p, Action<FormattableString> fail)
    {
        if (p.VialSizesGrams.Count == 0)
        {
            fail($"vialSizesGrams is empty");
        }

        for (var v = 0; v < p.VialSizesGrams.Count; v++)
        {
            var size = p.VialSizesGrams[v];
            if (size <= 0)
            {
                fail($"vialSizesGrams[{v}] {size} must be above 0");
            }
            else if (decimal.Truncate(size * 10) != size * 10)
            {
                fail($"vialSizesGrams[{v}] {size} must be a whole number of tenths of a gram");
            }
        }

        foreach (var duplicate in p.VialSizesGrams.GroupBy(s => s).Where(g => g.Count() > 1))
        {
            fail($"vialSizesGrams lists {duplicate.Key} more than once");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex StabilizerPattern();
}
