using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class RateOrderDeadlineTests
{
    private static readonly DateTimeOffset ReportedAt = TestData.At(40);

    private static InfusionSession WithGrade1(out Reaction reaction)
    {
        var session = TestData.Start();
        reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["flushing"], ReportedAt).Reaction;
        return session;
    }

    [Fact]
    public void A_missing_order_is_escalated_once_after_the_deadline()
    {
        var session = WithGrade1(out var reaction);
        Assert.Equal(ReportedAt.AddSeconds(10), session.NextRateOrderDeadline(TestData.Policy));

        Assert.Empty(session.EscalateOverdueRateOrders(TestData.Policy, ReportedAt.AddSeconds(9)));

        var escalated = Assert.Single(session.EscalateOverdueRateOrders(TestData.Policy, ReportedAt.AddSeconds(10)));
        Assert.Equal(reaction.Id, escalated.Id);
        Assert.Equal(ReportedAt.AddSeconds(10), escalated.RateOrderEscalatedAt);
        Assert.Equal(1m, session.CurrentRateMgPerKgMin);
        Assert.Empty(session.EscalateOverdueRateOrders(TestData.Policy, ReportedAt.AddSeconds(30)));
        Assert.Null(session.NextRateOrderDeadline(TestData.Policy));
    }

    [Fact]
    public void An_order_in_time_prevents_the_escalation()
    {
        var session = WithGrade1(out _);
        session.ApplyRateOrder("o-1", 0.5m, RuleIds.ReactionGrade1, "slow", ReportedAt.AddSeconds(2));
        Assert.Empty(session.EscalateOverdueRateOrders(TestData.Policy, ReportedAt.AddSeconds(60)));
    }

    [Fact]
    public void A_refused_order_does_not_count_as_received()
    {
        var session = WithGrade1(out _);
        session.ApplyRateOrder("o-1", 5m, RuleIds.ReactionGrade1, "too high", ReportedAt.AddSeconds(2));
        Assert.Single(session.EscalateOverdueRateOrders(TestData.Policy, ReportedAt.AddSeconds(10)));
    }

    [Fact]
    public void An_order_for_another_reaction_does_not_answer_this_one()
    {
        var session = WithGrade1(out _);
        session.ApplyRateOrder("o-1", 0.5m, RuleIds.ReactionGrade1, "slow", ReportedAt.AddSeconds(2), reactionId: Guid.NewGuid());
        Assert.Single(session.EscalateOverdueRateOrders(TestData.Policy, ReportedAt.AddSeconds(10)));
    }

    [Fact]
    public void No_escalation_once_the_infusion_is_paused_or_the_reaction_resolved()
    {
        var paused = WithGrade1(out _);
        paused.Pause("nurse paused", ReportedAt.AddSeconds(3));
        Assert.Empty(paused.EscalateOverdueRateOrders(TestData.Policy, ReportedAt.AddSeconds(60)));

        var resolved = WithGrade1(out var reaction);
        resolved.ResolveReaction(reaction.Id, ReportedAt.AddSeconds(3));
        Assert.Empty(resolved.EscalateOverdueRateOrders(TestData.Policy, ReportedAt.AddSeconds(60)));
    }

    [Fact]
    public void The_deadline_comes_from_options()
    {
        var session = WithGrade1(out _);
        var policy = new ReactionPolicyOptions { RateOrderDeadlineSeconds = 30 };
        Assert.Empty(session.EscalateOverdueRateOrders(policy, ReportedAt.AddSeconds(29)));
        Assert.Single(session.EscalateOverdueRateOrders(policy, ReportedAt.AddSeconds(30)));
    }

    [Fact]
    public void Policy_defaults_are_valid_and_invalid_values_are_reported()
    {
        Assert.Empty(new ReactionPolicyOptions().Validate());
        Assert.Equal(0.5m, new ReactionPolicyOptions().Grade2ResumeFactor);
        Assert.Equal(10, new ReactionPolicyOptions().RateOrderDeadlineSeconds);
        Assert.Equal(2, new ReactionPolicyOptions { Grade2ResumeFactor = 1.5m, RateOrderDeadlineSeconds = 0 }.Validate().Count);
    }
}
