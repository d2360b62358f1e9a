using Ivig.Dosing.Domain;

namespace Ivig.Dosing.Features.Policy;

/// <summary>
/// Reads <c>Dosing:Policy</c> once at start-up. The section must be there (a hospital states its protocol rather than
/// inheriting it silently), an unknown key is an error (a misspelt setting must not fall back to a default), and every
/// problem is listed before the service refuses to start.
/// </summary>
public static class DosingPolicyProvider
{
    public static DosingPolicyOptions Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DosingPolicyOptions.SectionName);
        if (!section.Exists())
        {
            throw Invalid([$"the section '{DosingPolicyOptions.SectionName}' is missing; it states the hospital's dosing protocol (see the Dosing README)"]);
        }

        DosingPolicyOptions options;
        try
        {
            options = section.Get<DosingPolicyOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new DosingPolicyOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw Invalid([ex.Message]);
        }

        var errors = options.Validate();
        return errors.Count == 0 ? options : throw Invalid(errors);
    }

    private static InvalidOperationException Invalid(IReadOnlyList<string> errors) => new(
        $"The dosing policy ({DosingPolicyOptions.SectionName}) is invalid and the Dosing service will not start:{Environment.NewLine}  - "
        + string.Join(Environment.NewLine + "  - ", errors));
}
