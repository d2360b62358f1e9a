using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class ResumeTests
{
    private static InfusionSession PausedAt4()
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        TestData.VitalsAndAdvance(session, 60);
        session.Pause("line check", TestData.At(70));
        return session;
    }

    [Fact]
    public void Resume_at_most_the_last_tolerated_rate()
    {
        var session = PausedAt4();
        Assert.Equal(4m, session.MaxResumeRate(TestData.Policy));
        Assert.Equal(ViolationConditions.ResumeAboveLastTolerated, TestData.Violation(() => session.Resume(4.1m, TestData.Policy, TestData.At(75))).Condition);

        var change = session.Resume(4m, TestData.Policy, TestData.At(75));
        Assert.Equal(RateChangeSource.Resume, change.Source);
        Assert.Equal(168m, change.RateMlPerHour);
        Assert.Equal(2, session.CurrentStepIndex);
    }

    [Fact]
    public void After_a_grade2_reaction_resume_at_most_half_the_last_tolerated_rate()
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        TestData.VitalsAndAdvance(session, 60);
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade2, ["hives"], TestData.At(70)).Reaction;

        Assert.Equal(ViolationConditions.ReactionActive, TestData.Violation(() => session.Resume(1m, TestData.Policy, TestData.At(80))).Condition);
        session.ResolveReaction(reaction.Id, TestData.At(85));

        Assert.Equal(2m, session.MaxResumeRate(TestData.Policy));
        Assert.Equal(ViolationConditions.ResumeAboveGrade2Limit, TestData.Violation(() => session.Resume(2.5m, TestData.Policy, TestData.At(86))).Condition);
        var change = session.Resume(2m, TestData.Policy, TestData.At(86));
        Assert.Equal(2m, change.RateMgPerKgMin);
        Assert.False(session.Grade2ReactionSinceLastRun);
        Assert.Equal(2m, session.LastToleratedRateMgPerKgMin);
    }

    [Fact]
    public void The_grade2_factor_comes_from_options()
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade2, ["hives"], TestData.At(40)).Reaction;
        session.ResolveReaction(reaction.Id, TestData.At(45));
        var policy = new ReactionPolicyOptions { Grade2ResumeFactor = 0.25m };
        Assert.Equal(0.5m, session.MaxResumeRate(policy));
        Assert.Equal(ViolationConditions.ResumeAboveGrade2Limit, TestData.Violation(() => session.Resume(0.6m, policy, TestData.At(46))).Condition);
        Assert.Equal(21m, session.Resume(0.5m, policy, TestData.At(46)).RateMlPerHour);
    }

    [Fact]
    public void A_grade2_reaction_during_a_manual_pause_also_limits_the_resume()
    {
        var session = PausedAt4();
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade2, ["hypotension treated"], TestData.At(72)).Reaction;
        session.ResolveReaction(reaction.Id, TestData.At(80));
        Assert.Equal(2m, session.MaxResumeRate(TestData.Policy));
    }

    [Fact]
    public void Resume_respects_a_rate_ordered_while_paused()
    {
        var session = PausedAt4();
        session.ApplyRateOrder("o-1", 1m, RuleIds.ReactionGrade2, "resume at 1", TestData.At(71));
        Assert.Equal(ViolationConditions.ResumeAboveRateOrder, TestData.Violation(() => session.Resume(2m, TestData.Policy, TestData.At(75))).Condition);
        session.Resume(1m, TestData.Policy, TestData.At(75));
        Assert.Null(session.OrderedResumeCeilingMgPerKgMin);
    }

    [Fact]
    public void Resume_needs_a_positive_rate()
    {
        var session = PausedAt4();
        var ex = Assert.Throws<DomainValidationException>(() => session.Resume(0m, TestData.Policy, TestData.At(75)));
        Assert.Equal("rateMgPerKgPerMin", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Resume_then_titrate_climbs_from_the_resumed_rate_one_step()
    {
        var session = PausedAt4();
        session.Resume(1.5m, TestData.Policy, TestData.At(75));
        Assert.Equal(63m, session.CurrentRateMlPerHour);
        var change = TestData.VitalsAndAdvance(session, 105);
        Assert.Equal(2m, change.RateMgPerKgMin);
    }

    [Fact]
    public void MaxResumeRate_is_null_unless_paused()
    {
        Assert.Null(TestData.Start().MaxResumeRate(TestData.Policy));
    }
}
