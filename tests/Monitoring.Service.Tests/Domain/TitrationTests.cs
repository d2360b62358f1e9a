using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class TitrationTests
{
    [Fact]
    public void Advances_one_step_when_every_precondition_holds()
    {
        var session = TestData.Start();

        var change = TestData.VitalsAndAdvance(session, 30);

        Assert.Equal(RateChangeSource.Titration, change.Source);
        Assert.Equal(1, session.CurrentStepIndex);
        Assert.Equal(2m, session.CurrentRateMgPerKgMin);
        Assert.Equal(84m, session.CurrentRateMlPerHour);
        Assert.Equal(TestData.At(30), session.CurrentRateSince);
    }

    [Fact]
    public void Climbs_the_whole_ladder_one_step_at_a_time()
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        TestData.VitalsAndAdvance(session, 60);
        TestData.VitalsAndAdvance(session, 90);
        Assert.Equal(8m, session.CurrentRateMgPerKgMin);
        Assert.Equal(3, session.CurrentStepIndex);
        Assert.Equal([1m, 2m, 4m, 8m], session.RateHistory.Select(r => r.RateMgPerKgMin));
    }

    [Fact]
    public void Fails_STEP_TIME_NOT_ELAPSED_before_the_step_duration()
    {
        var session = TestData.Start();
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(29));
        var ex = TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(29.9)));
        Assert.Equal(ViolationConditions.StepTimeNotElapsed, ex.Condition);
    }

    [Fact]
    public void Fails_VITALS_NOT_RECENT_without_vitals_in_the_current_interval()
    {
        var session = TestData.Start();
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(10));
        var ex = TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(30)));
        Assert.Equal(ViolationConditions.VitalsNotRecent, ex.Condition);
    }

    [Fact]
    public void Vitals_exactly_one_interval_old_still_count_as_recent()
    {
        var session = TestData.Start();
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(15));
        Assert.Equal(2m, session.AdvanceTitration(TestData.Schedule, TestData.At(30)).RateMgPerKgMin);
    }

    [Fact]
    public void Fails_REACTION_ACTIVE_while_a_reaction_is_active()
    {
        var session = TestData.Start();
        session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["chills"], TestData.At(20));
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(30));
        var ex = TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(30)));
        Assert.Equal(ViolationConditions.ReactionActive, ex.Condition);
    }

    [Fact]
    public void Fails_NOT_RUNNING_when_paused()
    {
        var session = TestData.Start();
        session.Pause(null, TestData.At(20));
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(30));
        var ex = TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(30)));
        Assert.Equal(ViolationConditions.NotRunning, ex.Condition);
    }

    [Fact]
    public void Fails_LAST_STEP_at_the_top_of_the_ladder()
    {
        var session = TestData.Start(ladder: [new TitrationStep(1m, 42m, 30), new TitrationStep(2m, 84m, null)]);
        TestData.VitalsAndAdvance(session, 30);
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(300));
        var ex = TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(300)));
        Assert.Equal(ViolationConditions.LastStep, ex.Condition);
    }

    [Fact]
    public void Fails_ABOVE_PRODUCT_MAX_when_the_next_step_exceeds_the_product_maximum()
    {
        var session = TestData.Start(productMax: 3m);
        TestData.VitalsAndAdvance(session, 30);
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(60));
        var ex = TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(60)));
        Assert.Equal(ViolationConditions.AboveProductMax, ex.Condition);
        Assert.Equal(2m, session.CurrentRateMgPerKgMin);
    }

    [Fact]
    public void Fails_ABOVE_RISK_CAP_when_the_next_step_exceeds_the_at_risk_cap()
    {
        var session = TestData.Start(atRiskCap: 2m);
        TestData.VitalsAndAdvance(session, 30);
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(60));
        var ex = TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(60)));
        Assert.Equal(ViolationConditions.AboveRiskCap, ex.Condition);
        Assert.Equal(2m, session.CurrentRateMgPerKgMin);
    }

    [Fact]
    public void After_a_reduction_the_next_step_is_the_lowest_ladder_rate_above_the_current_rate()
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        TestData.VitalsAndAdvance(session, 60);
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["headache"], TestData.At(65)).Reaction;
        session.ApplyRateOrder("o-1", 1.5m, RuleIds.ReactionGrade1, "slow to 50%", TestData.At(66));
        Assert.Equal(0, session.CurrentStepIndex);
        Assert.Equal(63m, session.CurrentRateMlPerHour);
        session.ResolveReaction(reaction.Id, TestData.At(70));

        // The step duration counts from the reduction, not from the old step.
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(90));
        Assert.Equal(ViolationConditions.StepTimeNotElapsed, TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(90))).Condition);

        var change = TestData.VitalsAndAdvance(session, 96);
        Assert.Equal(2m, change.RateMgPerKgMin);
        Assert.Equal(1, session.CurrentStepIndex);
    }
}
