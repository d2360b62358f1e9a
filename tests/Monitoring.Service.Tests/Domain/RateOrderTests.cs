using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class RateOrderTests
{
    private static InfusionSession RunningAt4WithGrade1(out Reaction reaction)
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        TestData.VitalsAndAdvance(session, 60);
        reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["headache"], TestData.At(70)).Reaction;
        return session;
    }

    [Fact]
    public void A_lower_order_is_applied()
    {
        var session = RunningAt4WithGrade1(out var reaction);

        var result = session.ApplyRateOrder("order-1", 2m, RuleIds.ReactionGrade1, "slow to 50% of the current rate", TestData.At(70.1), reaction.Id);

        Assert.False(result.IsDuplicate);
        Assert.Equal(RateOrderOutcome.Applied, result.Record.Outcome);
        Assert.NotNull(result.RateChange);
        Assert.Equal(RateChangeSource.ReactionOrder, result.RateChange.Source);
        Assert.Equal("order-1", result.RateChange.OrderId);
        Assert.Equal(RuleIds.ReactionGrade1, result.RateChange.RuleId);
        Assert.Equal(2m, session.CurrentRateMgPerKgMin);
        Assert.Equal(84m, session.CurrentRateMlPerHour);
        Assert.Equal(1, session.CurrentStepIndex);
        Assert.Equal(TestData.At(70.1), session.Reactions[0].RateOrderReceivedAt);
    }

    [Fact]
    public void An_equal_order_is_applied_without_changing_the_rate()
    {
        var session = RunningAt4WithGrade1(out _);
        var result = session.ApplyRateOrder("order-1", 4m, RuleIds.ReactionGrade1, "keep", TestData.At(71));
        Assert.Equal(RateOrderOutcome.Applied, result.Record.Outcome);
        Assert.Equal(4m, session.CurrentRateMgPerKgMin);
        Assert.Equal(168m, session.CurrentRateMlPerHour);
    }

    [Theory]
    [InlineData(4.01, ViolationConditions.RateOrderAboveCurrent)]
    [InlineData(8, ViolationConditions.RateOrderAboveCurrent)]
    [InlineData(0, ViolationConditions.RateOrderNotPositive)]
    [InlineData(-1, ViolationConditions.RateOrderNotPositive)]
    public void A_higher_or_non_positive_order_is_refused_and_changes_no_rate(double rate, string condition)
    {
        var session = RunningAt4WithGrade1(out _);

        var result = session.ApplyRateOrder("order-x", (decimal)rate, RuleIds.ReactionGrade1, "bad", TestData.At(71));

        Assert.Equal(RateOrderOutcome.Refused, result.Record.Outcome);
        Assert.Equal(condition, result.Record.RefusalCondition);
        Assert.Null(result.RateChange);
        Assert.Equal(4m, session.CurrentRateMgPerKgMin);
        Assert.Null(session.Reactions[0].RateOrderReceivedAt);
        Assert.Single(session.RateOrders);
    }

    [Fact]
    public void The_same_order_id_twice_changes_nothing()
    {
        var session = RunningAt4WithGrade1(out _);
        var first = session.ApplyRateOrder("order-1", 2m, RuleIds.ReactionGrade1, "slow", TestData.At(71));
        var version = session.Version;
        var history = session.RateHistory.Count;

        var again = session.ApplyRateOrder("order-1", 1m, RuleIds.ReactionGrade1, "redelivered with another body", TestData.At(72));

        Assert.True(again.IsDuplicate);
        Assert.Same(first.Record, again.Record);
        Assert.Null(again.RateChange);
        Assert.Equal(2m, session.CurrentRateMgPerKgMin);
        Assert.Equal(version, session.Version);
        Assert.Equal(history, session.RateHistory.Count);
        Assert.Single(session.RateOrders);
    }

    [Fact]
    public void A_refused_order_redelivered_stays_refused()
    {
        var session = RunningAt4WithGrade1(out _);
        session.ApplyRateOrder("order-1", 6m, RuleIds.ReactionGrade1, "too high", TestData.At(71));
        var again = session.ApplyRateOrder("order-1", 6m, RuleIds.ReactionGrade1, "too high", TestData.At(72));
        Assert.True(again.IsDuplicate);
        Assert.Equal(RateOrderOutcome.Refused, again.Record.Outcome);
    }

    [Fact]
    public void On_a_stopped_infusion_the_order_is_recorded_and_the_rate_stays_zero()
    {
        var session = TestData.Start();
        session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade3, ["bronchospasm"], TestData.At(10));

        var result = session.ApplyRateOrder("order-1", 0.5m, RuleIds.ReactionGrade3, "stop", TestData.At(11));

        Assert.Equal(RateOrderOutcome.RecordedWhileEnded, result.Record.Outcome);
        Assert.Null(result.RateChange);
        Assert.Equal(0m, session.CurrentRateMgPerKgMin);
        Assert.Equal(InfusionState.Stopped, session.State);
        Assert.Single(session.RateOrders);
    }

    [Fact]
    public void On_a_paused_infusion_the_order_becomes_the_resume_ceiling()
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade2, ["rigors"], TestData.At(40)).Reaction;

        var result = session.ApplyRateOrder("order-1", 0.8m, RuleIds.ReactionGrade2, "resume at 0.8", TestData.At(41));

        Assert.Equal(RateOrderOutcome.RecordedAsResumeCeiling, result.Record.Outcome);
        Assert.Null(result.RateChange);
        Assert.Equal(0m, session.CurrentRateMgPerKgMin);
        Assert.Equal(0.8m, session.OrderedResumeCeilingMgPerKgMin);
        session.ResolveReaction(reaction.Id, TestData.At(50));
        Assert.Equal(0.8m, session.MaxResumeRate(TestData.Policy));

        // Above the last tolerated rate while paused: refused.
        Assert.Equal(RateOrderOutcome.Refused, session.ApplyRateOrder("order-2", 3m, RuleIds.ReactionGrade2, "x", TestData.At(51)).Record.Outcome);
    }

    [Fact]
    public void Missing_order_id_or_rule_id_is_invalid_input()
    {
        var session = RunningAt4WithGrade1(out _);
        var ex = Assert.Throws<DomainValidationException>(() => session.ApplyRateOrder(" ", 1m, "", "r", TestData.At(71)));
        Assert.Equal(["orderId", "ruleId"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public void An_order_computes_ml_per_hour_for_rates_off_the_ladder_without_rounding_up()
    {
        var session = RunningAt4WithGrade1(out _);
        session.ApplyRateOrder("order-1", 1.333m, RuleIds.ReactionGrade1, "slow", TestData.At(71));
        // 1.333 × 70 × 60 ÷ 100 = 55.986 → 55.9 (truncated)
        Assert.Equal(55.9m, session.CurrentRateMlPerHour);
    }
}
