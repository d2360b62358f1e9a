using Ivig.Dosing.Domain;

namespace Ivig.Dosing.Tests.Domain;

public class DosingRulesTests
{
    [Fact]
    public void Every_rule_id_dosing_names_has_a_text_and_a_source()
    {
        var rules = new DosingRules(new DosingPolicyOptions());
        var ids = typeof(RuleIds).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id =>
        {
            var rule = rules.Describe(id);
            Assert.Equal(id, rule.RuleId);
            Assert.False(string.IsNullOrWhiteSpace(rule.Text));
            Assert.False(string.IsNullOrWhiteSpace(rule.Source));
        });
    }

    [Fact]
    public void Texts_follow_the_configured_numbers()
    {
        var rules = new DosingRules(new DosingPolicyOptions { Grade1SlowFactor = 0.25m });

        Assert.Contains("slow to 25% of the current rate", rules.Describe(RuleIds.RxnGrade1).Text, StringComparison.Ordinal);
        Assert.Contains("0.4 g/kg/day for 5 consecutive days", rules.Describe(RuleIds.DoseAcute).Text, StringComparison.Ordinal);
    }
}
