using System.Reflection;
using System.Text.Json;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Domain.Rules;
using Xunit;

namespace Ivig.Eligibility.Tests.Domain;

public class RuleCatalogueTests
{
    /// <summary>The section 2 table, in its order.</summary>
    private static readonly (string Id, EligibilityOutcome Outcome, RuleKind Kind)[] Table =
    [
        ("ELIG-PROG", EligibilityOutcome.NotRecommended, RuleKind.Decision),
        ("ELIG-AR-STEROID", EligibilityOutcome.ConsiderAlternativeFirst, RuleKind.Decision),
        ("ELIG-AR-PLEX", EligibilityOutcome.ConsiderAlternativeFirst, RuleKind.Decision),
        ("ELIG-AR-REFRACTORY", EligibilityOutcome.Eligible, RuleKind.Decision),
        ("ELIG-PREG", EligibilityOutcome.Eligible, RuleKind.Decision),
        ("ELIG-DMT-NF", EligibilityOutcome.Eligible, RuleKind.Decision),
        ("ELIG-DMT-F", EligibilityOutcome.ConsiderAlternativeFirst, RuleKind.Decision),
        ("CI-HYPERSENS", EligibilityOutcome.Contraindicated, RuleKind.Decision),
        ("CI-IGA-AB", EligibilityOutcome.Contraindicated, RuleKind.Decision),
        ("PRE-IGA", EligibilityOutcome.EligibleWithPrecautions, RuleKind.Precaution),
        ("PRE-RENAL", EligibilityOutcome.EligibleWithPrecautions, RuleKind.Precaution),
        ("PRE-THROMBO", EligibilityOutcome.EligibleWithPrecautions, RuleKind.Precaution),
        ("PRE-MENINGITIS", EligibilityOutcome.Eligible, RuleKind.Precaution),
        ("PRE-HEMOLYSIS", EligibilityOutcome.Eligible, RuleKind.Precaution),
        ("PRE-FRUCTOSE", EligibilityOutcome.Eligible, RuleKind.Precaution),
        ("PRE-PROLINE", EligibilityOutcome.Eligible, RuleKind.Precaution),
        ("PRE-MALTOSE", EligibilityOutcome.Eligible, RuleKind.Precaution),
        ("PRE-BASELINE-LABS", EligibilityOutcome.Eligible, RuleKind.Precaution),
        ("PRE-HYDRATION", EligibilityOutcome.Eligible, RuleKind.Precaution),
        ("PRE-PREMED", EligibilityOutcome.Eligible, RuleKind.Precaution),
    ];

    [Fact]
    public void The_catalogue_is_the_section_2_table_in_order()
    {
        Assert.Equal(Table, RuleCatalogue.Default.Rules.Select(r => (r.Id, r.Outcome, r.Kind)));
        Assert.All(RuleCatalogue.Default.Rules, rule =>
        {
            Assert.Equal(rule.Id.StartsWith("ELIG-", StringComparison.Ordinal), rule.IsIndicationRule);
            Assert.False(string.IsNullOrWhiteSpace(rule.Text));
            Assert.False(string.IsNullOrWhiteSpace(rule.Source));
            Assert.Same(rule, RuleCatalogue.Default.Find(rule.Id));
        });
    }

    [Fact]
    public void The_catalogue_has_a_version_and_no_engine_findings()
    {
        Assert.Equal("ivig-ms-rules/2026-11", RuleCatalogue.Default.Version);
        Assert.Null(RuleCatalogue.Default.Find("ELIG-MISSING"));
        Assert.False(RuleCatalogue.Default.TryGet("NO-SUCH-RULE", out _));
    }

    [Fact]
    public void Duplicate_rule_ids_are_refused() =>
        Assert.Throws<ArgumentException>(() => new RuleCatalogue("v", [new ProgressionRule(), new ProgressionRule()]));

    [Fact]
    public void Fact_names_are_the_camel_case_property_names_of_patient_facts()
    {
        var properties = typeof(PatientFacts)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Order();
        var names = typeof(FactNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order();
        Assert.Equal(properties, names);
    }
}
