using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class StateTransitionTests
{
    [Fact]
    public void Pause_then_resume_then_complete()
    {
        var session = TestData.Start();

        var paused = session.Pause("line check", TestData.At(5));
        Assert.Equal(InfusionState.Paused, session.State);
        Assert.Equal(0m, paused.RateMgPerKgMin);
        Assert.Equal(RateChangeSource.Pause, paused.Source);

        var resumed = session.Resume(1m, TestData.Policy, TestData.At(10));
        Assert.Equal(InfusionState.Running, session.State);
        Assert.Equal(1m, resumed.RateMgPerKgMin);
        Assert.Equal(42m, resumed.RateMlPerHour);

        var completed = session.Complete(TestData.At(200));
        Assert.Equal(InfusionState.Completed, session.State);
        Assert.Equal(RateChangeSource.Complete, completed.Source);
        Assert.Equal(0m, session.CurrentRateMgPerKgMin);
        Assert.Equal(TestData.At(200), session.EndedAt);
        Assert.Empty(InfusionInvariants.Check(session));
    }

    [Fact]
    public void Every_change_increments_the_version_by_one()
    {
        var session = TestData.Start();
        Assert.Equal(1, session.Version);
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(15));
        Assert.Equal(2, session.Version);
        session.Pause(null, TestData.At(16));
        Assert.Equal(3, session.Version);
        session.Stop("clinician decision", TestData.At(17));
        Assert.Equal(4, session.Version);
    }

    [Fact]
    public void A_failed_operation_does_not_change_the_version()
    {
        var session = TestData.Start();
        TestData.Violation(() => session.Resume(1m, TestData.Policy, TestData.At(1)));
        TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(1)));
        Assert.Equal(1, session.Version);
    }

    [Fact]
    public void Pause_needs_a_running_infusion()
    {
        var session = TestData.Start();
        session.Pause(null, TestData.At(1));
        Assert.Equal(ViolationConditions.NotRunning, TestData.Violation(() => session.Pause(null, TestData.At(2))).Condition);
    }

    [Fact]
    public void Resume_needs_a_paused_infusion()
    {
        var session = TestData.Start();
        Assert.Equal(ViolationConditions.NotPaused, TestData.Violation(() => session.Resume(1m, TestData.Policy, TestData.At(1))).Condition);
    }

    [Fact]
    public void Stop_is_terminal()
    {
        var session = TestData.Start();
        var stop = session.Stop("patient request", TestData.At(3));
        Assert.Equal(InfusionState.Stopped, session.State);
        Assert.Equal(RateChangeSource.Stop, stop.Source);
        Assert.Equal("patient request", session.EndReason);

        Assert.Equal(ViolationConditions.NotPaused, TestData.Violation(() => session.Resume(1m, TestData.Policy, TestData.At(4))).Condition);
        Assert.Equal(ViolationConditions.NotRunning, TestData.Violation(() => session.Pause(null, TestData.At(4))).Condition);
        Assert.Equal(ViolationConditions.InfusionEnded, TestData.Violation(() => session.Stop("again", TestData.At(4))).Condition);
        Assert.Equal(ViolationConditions.InfusionEnded, TestData.Violation(() => session.Complete(TestData.At(4))).Condition);
        Assert.Equal(ViolationConditions.NotRunning, TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(40))).Condition);
    }

    [Fact]
    public void Complete_is_terminal()
    {
        var session = TestData.Start();
        session.Complete(TestData.At(120));
        Assert.Equal(ViolationConditions.InfusionEnded, TestData.Violation(() => session.Stop("late", TestData.At(121))).Condition);
        Assert.Equal(ViolationConditions.InfusionEnded, TestData.Violation(() => session.Complete(TestData.At(121))).Condition);
    }

    [Fact]
    public void A_paused_infusion_can_be_stopped_or_completed()
    {
        var a = TestData.Start();
        a.Pause(null, TestData.At(1));
        a.Stop("line occluded", TestData.At(2));
        Assert.Equal(InfusionState.Stopped, a.State);

        var b = TestData.Start();
        b.Pause(null, TestData.At(1));
        b.Complete(TestData.At(2));
        Assert.Equal(InfusionState.Completed, b.State);
    }

    [Fact]
    public void Stop_requires_a_reason()
    {
        var session = TestData.Start();
        var ex = Assert.Throws<DomainValidationException>(() => session.Stop(" ", TestData.At(1)));
        Assert.Equal("reason", Assert.Single(ex.Violations).Field);
    }

    [Theory]
    [InlineData(InfusionState.Stopped)]
    [InlineData(InfusionState.Completed)]
    public void Vitals_on_an_ended_infusion_are_refused(InfusionState end)
    {
        var session = TestData.Start();
        if (end == InfusionState.Stopped)
        {
            session.Stop("stop", TestData.At(1));
        }
        else
        {
            session.Complete(TestData.At(1));
        }

        var ex = TestData.Violation(() => session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(2)));
        Assert.Equal(ViolationConditions.InfusionEnded, ex.Condition);
    }

    [Fact]
    public void Vitals_on_a_paused_infusion_are_recorded()
    {
        var session = TestData.Start();
        session.Pause(null, TestData.At(1));
        var result = session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(2));
        Assert.Empty(result.Findings);
        Assert.Equal(2, session.RecordedVitals.Count);
    }

    [Fact]
    public void Snapshot_round_trip_keeps_the_state_and_behaviour()
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["flushing"], TestData.At(35)).Reaction;
        session.ApplyRateOrder("order-1", 1m, "RXN-G1", "slow to 50%", TestData.At(36));

        var restored = InfusionSession.FromSnapshot(session.ToSnapshot());

        Assert.Equal(session.Version, restored.Version);
        Assert.Equal(session.State, restored.State);
        Assert.Equal(session.CurrentRateMgPerKgMin, restored.CurrentRateMgPerKgMin);
        Assert.Equal(session.RateHistory, restored.RateHistory);
        Assert.Equal(session.Reactions, restored.Reactions);
        Assert.Equal(session.RateOrders, restored.RateOrders);
        Assert.True(restored.ApplyRateOrder("order-1", 0.5m, "RXN-G1", "again", TestData.At(37)).IsDuplicate);
        Assert.Equal(ViolationConditions.ReactionActive, TestData.Violation(() => restored.AdvanceTitration(TestData.Schedule, TestData.At(80))).Condition);
        restored.ResolveReaction(reaction.Id, TestData.At(40));
        Assert.Equal(session.Version + 1, restored.Version);
    }
}
