namespace Ivig.Dosing.Domain;

/// <summary>The product catalogue file cannot be used; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ProductCatalogueException : Exception
{
    public ProductCatalogueException(IReadOnlyList<string> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public ProductCatalogueException(IReadOnlyList<string> errors, Exception innerException)
        : base(Describe(errors), innerException)
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }

    private static string Describe(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return "The product catalogue is invalid:" + string.Concat(errors.Select(e => Environment.NewLine + " - " + e));
    }
}
