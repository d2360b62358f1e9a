using System.Diagnostics.CodeAnalysis;
using Ivig.Eligibility.Domain.Rules;

namespace Ivig.Eligibility.Domain;

/// <summary>
/// The rules of catalogue section 2, in the catalogue's order, with the catalogue version that every
/// result names. ELIG-MISSING is not a rule object: the engine produces it (see <see cref="EligibilityEngine"/>).
/// </summary>
public sealed class RuleCatalogue
{
    /// <summary>Version of ivig-ms-rules.md that these rules encode; change it with any rule change.</summary>
    public const string CurrentVersion = "ivig-ms-rules/2026-11";

    private readonly Dictionary<string, IEligibilityRule> _byId;

    public RuleCatalogue(string version, IEnumerable<IEligibilityRule> rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(rules);
        Version = version;
        Rules = [.. rules];
        _byId = new Dictionary<string, IEligibilityRule>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            if (!_byId.TryAdd(rule.Id, rule))
            {
                throw new ArgumentException($"Duplicate rule id {rule.Id}.", nameof(rules));
            }
        }
    }

    /// <summary>The catalogue as published in <see cref="CurrentVersion"/>.</summary>
    public static RuleCatalogue Default { get; } = new(
        CurrentVersion,
        [
            new ProgressionRule(),
            new AcuteRelapseSteroidRule(),
            new AcuteRelapsePlasmaExchangeRule(),
            new AcuteRelapseRefractoryRule(),
            new PregnancyRule(),
            new DmtNotFeasibleRule(),
            new DmtFeasibleRule(),
            new HypersensitivityContraindicationRule(),
            new IgaAntibodyContraindicationRule(),
            new IgaPrecautionRule(),
            new RenalPrecautionRule(),
            new ThrombosisPrecautionRule(),
            new MeningitisPrecautionRule(),
            new HemolysisPrecautionRule(),
            new FructosePrecautionRule(),
            new ProlinePrecautionRule(),
            new MaltosePrecautionRule(),
            new BaselineLabsPrecautionRule(),
            new HydrationPrecautionRule(),
            new PremedicationPrecautionRule(),
        ]);

    public string Version { get; }

    public IReadOnlyList<IEligibilityRule> Rules { get; }

    /// <summary>The rule with this id (exact, case-sensitive), or null.</summary>
    public IEligibilityRule? Find(string id) => _byId.GetValueOrDefault(id);

    public bool TryGet(string id, [NotNullWhen(true)] out IEligibilityRule? rule) => _byId.TryGetValue(id, out rule);
}
