using Ivig.Eligibility.Domain;
using Microsoft.Extensions.Options;

namespace Ivig.Eligibility.Configuration;

/// <summary>
/// Refuses implausible thresholds (see <see cref="EligibilityThresholds.Validate"/>). Registered with
/// ValidateOnStart, so a bad appsettings stops the service at start-up, naming each bad key, instead of
/// giving clinical answers from wrong numbers.
/// </summary>
public sealed class EligibilityThresholdsValidation : IValidateOptions<EligibilityThresholds>
{
    public ValidateOptionsResult Validate(string? name, EligibilityThresholds options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
