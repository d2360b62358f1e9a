using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Grpc;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Rules;

/// <summary>ListRules: the catalogue, optionally narrowed to one outcome or one kind of rule.</summary>
public sealed class ListRulesQuery(RuleCatalogue catalogue)
{
    public ListRulesResponse Execute(ListRulesRequest request)
    {
        var violations = new List<FieldViolation>();
        if (!Enum.IsDefined(request.Outcome))
        {
            violations.Add(new("outcome", $"Unknown outcome value {(int)request.Outcome}."));
        }
        if (!Enum.IsDefined(request.Kind))
        {
            violations.Add(new("kind", $"Unknown rule kind value {(int)request.Kind}."));
        }
        RequestValidationException.ThrowIfAny(violations);

        var rules = catalogue.Rules.Select(r => r.ToProto())
            .Where(r => request.Outcome == Decision.Unspecified || r.Outcome == request.Outcome)
            .Where(r => request.Kind == V1.RuleKind.Unspecified || r.Kind == request.Kind);

        return new ListRulesResponse { CatalogueVersion = catalogue.Version, Rules = { rules } };
    }
}
