using System.Text.Json.Nodes;
using Ivig.Eligibility.CdsHooks;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Tests.Domain;

namespace Ivig.Eligibility.Tests.CdsHooks;

/// <summary>The order conventions (purpose, order facts) and the card (indicator, summary, Markdown).</summary>
public class DraftOrderAndCardTests
{
    private static OrderReading Orders(HookRequests requests) => DraftOrderReader.Read(RecordReaderTests.Parse(requests.Build()));

    [Fact]
    public void The_purpose_and_the_order_facts_come_from_the_draft_IVIG_order()
    {
        var reading = Orders(new HookRequests().OtherOrder().IvigOrder("acute-relapse",
            ("corticosteroidsGiven", "valueBoolean", true),
            ("corticosteroidResponse", "valueCode", "inadequate"),
            ("plasmaExchange", "valueCode", "given"),
            ("plasmaExchangeResponse", "valueCode", "inadequate"),
            ("plannedCourseTotalGPerKg", "valueDecimal", 2.0)));

        Assert.Equal(1, reading.IvigOrderCount);
        Assert.Equal(TreatmentPurpose.AcuteRelapse, reading.OrderFacts.Purpose);
        Assert.True(reading.OrderFacts.CorticosteroidsGiven);
        Assert.Equal(TreatmentResponse.Inadequate, reading.OrderFacts.CorticosteroidResponse);
        Assert.Equal(PlasmaExchangeStatus.Given, reading.OrderFacts.PlasmaExchange);
        Assert.Equal(TreatmentResponse.Inadequate, reading.OrderFacts.PlasmaExchangeResponse);
        Assert.Equal(2.0, reading.OrderFacts.PlannedCourseTotalGPerKg);
    }

    [Fact]
    public void An_order_with_the_purpose_code_but_no_IVIG_product_code_is_an_IVIG_order()
    {
        var requests = new HookRequests().IvigOrder("progression");
        requests.Orders[0]["medicationCodeableConcept"] = new JsonObject { ["text"] = "IVIG (local formulary)" };

        Assert.Equal(TreatmentPurpose.Progression, Orders(requests).OrderFacts.Purpose);
    }

    [Fact]
    public void IVIG_orders_that_disagree_leave_the_fact_unknown()
    {
        var reading = Orders(new HookRequests().IvigOrder("acute-relapse").IvigOrder("relapse-prevention"));

        Assert.Equal(2, reading.IvigOrderCount);
        Assert.Null(reading.OrderFacts.Purpose);
        Assert.Contains(reading.Notes, n => n.Contains("purpose", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dmtsFeasible", "valueString", "no")]
    [InlineData("plasmaExchange", "valueCode", "sometimes")]
    [InlineData("corticosteroidResponse", "valueCode", "partial")]
    public void An_order_fact_of_the_wrong_type_or_code_is_refused(string name, string valueKey, string value)
    {
        var requests = new HookRequests().IvigOrder("acute-relapse", (name, valueKey, JsonValue.Create(value)!));

        Assert.Equal(400, Assert.Throws<CdsHookException>(() => Orders(requests)).Status);
    }

    [Fact]
    public void An_implausible_course_total_is_refused()
    {
        var requests = new HookRequests().IvigOrder("acute-relapse", ("plannedCourseTotalGPerKg", "valueDecimal", 20.0));

        Assert.Equal(400, Assert.Throws<CdsHookException>(() => Orders(requests)).Status);
    }

    [Theory]
    [InlineData(EligibilityOutcome.Contraindicated, "critical")]
    [InlineData(EligibilityOutcome.NotRecommended, "critical")]
    [InlineData(EligibilityOutcome.InsufficientData, "warning")]
    [InlineData(EligibilityOutcome.ConsiderAlternativeFirst, "warning")]
    [InlineData(EligibilityOutcome.EligibleWithPrecautions, "info")]
    [InlineData(EligibilityOutcome.Eligible, "info")]
    public void The_indicator_follows_the_decision(EligibilityOutcome decision, string indicator)
    {
        Assert.Equal(indicator, CardBuilder.Indicator(decision));
    }

    [Fact]
    public void A_summary_stays_under_140_characters_however_many_rules_decide()
    {
        var reasons = Enumerable.Range(1, 40)
            .Select(i => new EligibilityReason($"CI-LONG-RULE-ID-{i:00}", EligibilityOutcome.Contraindicated, "text", "source"))
            .ToList();
        var result = new EligibilityEngine().Assess(new Ivig.Eligibility.Domain.PatientFacts(), TestFacts.Context()) with { Decision = EligibilityOutcome.Contraindicated, Reasons = reasons };

        var summary = CardBuilder.Summary(result, RuleCatalogue.Default);

        Assert.True(summary.Length < 140, summary);
        Assert.StartsWith("IVIG CONTRAINDICATED: CI-LONG-RULE-ID-01, ", summary, StringComparison.Ordinal);
        Assert.EndsWith(" more", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_eligible_with_precautions_summary_names_the_indication_and_the_precautions_that_lifted_it()
    {
        var facts = TestFacts.RefractoryRelapse() with { KidneyDisease = true };
        var result = new EligibilityEngine().Assess(facts, TestFacts.Context());

        Assert.Equal(EligibilityOutcome.EligibleWithPrecautions, result.Decision);
        Assert.Equal("IVIG ELIGIBLE_WITH_PRECAUTIONS: ELIG-AR-REFRACTORY, PRE-RENAL", CardBuilder.Summary(result, RuleCatalogue.Default));
    }

    [Fact]
    public void Text_from_the_record_cannot_inject_Markdown()
    {
        Assert.Equal(@"a \*b\* \[c\](d) \<e\> f\_g \| h", CardBuilder.Escape("a *b* [c](d) <e> f_g | h"));
        Assert.Equal("line one line two", CardBuilder.Escape("line one\nline two"));
    }
}
