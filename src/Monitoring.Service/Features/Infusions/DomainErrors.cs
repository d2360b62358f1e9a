using System.Text;
using Ivig.Monitoring.Domain;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>Turns the pure domain's exceptions into the suite's gRPC-mapped ones.</summary>
public static class DomainErrors
{
    public static T Translate<T>(Func<T> operation, string fieldPrefix = "")
    {
        try
        {
            return operation();
        }
        catch (DomainRuleViolation violation)
        {
            throw new PreconditionFailedException(violation.Condition, violation.Message);
        }
        catch (DomainValidationException invalid)
        {
            throw new RequestValidationException(invalid.Violations
                .Select(v => new ServiceDefaults.Grpc.FieldViolation(fieldPrefix + SnakeCase(v.Field), v.Description)).ToList());
        }
    }

    /// <summary>The domain names fields in camelCase (proto3 JSON); the suite's errors use proto paths.</summary>
    public static string SnakeCase(string camel)
    {
        var builder = new StringBuilder(camel.Length + 8);
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
            {
                if (builder.Length > 0 && builder[^1] != '.')
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
