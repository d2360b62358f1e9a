using Ivig.Dosing.Domain;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Features.Assessments;

/// <summary>Translates Eligibility's product constraints into the catalogue's terms.</summary>
public static class AssessmentConstraints
{
    /// <summary>
    /// Eligibility excludes a product when its stabilizer <em>contains</em> the excluded name ("D-sorbitol" contains
    /// "sorbitol"). Each name is expanded to every catalogue stabilizer that contains it or is contained in it, so a
    /// fructose-intolerant patient never gets a sorbitol product because two services spell it differently; excluding
    /// one product too many is the safe side of that mismatch.
    /// </summary>
    public static ProductConstraints ToDomain(Eligibility.V1.ProductConstraints? constraints, ProductCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (constraints is null)
        {
            return ProductConstraints.None;
        }

        decimal? maxIga = null;
        if (constraints.HasMaxIgaMicrogramsPerMl)
        {
            var value = constraints.MaxIgaMicrogramsPerMl;
            // Fail closed: an unreadable IgA ceiling from Eligibility must not become "no ceiling".
            if (!double.IsFinite(value) || value < 0 || value > (double)decimal.MaxValue)
            {
                throw new PreconditionFailedException(
                    GateConditions.AssessmentConstraintsInvalid,
                    $"The assessment's IgA ceiling ({value}) is not a usable number; reassess in Eligibility.");
            }

            maxIga = (decimal)value;
        }

        var catalogueStabilizers = catalogue.Products.Select(p => p.Stabilizer).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in constraints.ExcludedStabilizers.Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            excluded.Add(name);
            excluded.UnionWith(catalogueStabilizers.Where(s =>
                s.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(s, StringComparison.OrdinalIgnoreCase)));
        }

        return new ProductConstraints { MaxIgaMicrogramsPerMl = maxIga, ExcludedStabilizers = excluded };
    }
}
