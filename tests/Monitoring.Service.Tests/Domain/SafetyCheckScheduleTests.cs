using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

/// <summary>
/// The watchdog reads only infusions that are due, so the due time must never be later than the first
/// moment VIT-OVERDUE or RXN-ORDER-DEADLINE can fire: a late due time is a missed safety alert.
/// </summary>
public class SafetyCheckScheduleTests
{
    private static readonly SafetyCheckSchedule Checks = new(TestData.Schedule, TestData.Policy);

    [Fact]
    public void A_new_infusion_is_due_just_after_its_vitals_become_overdue()
    {
        var session = TestData.Start();
        var due = session.VitalsDue(TestData.Schedule, TestData.T0)!;

        var next = Checks.NextCheckAt(session)!.Value;

        Assert.False(session.VitalsDue(TestData.Schedule, next.AddMilliseconds(-1))!.IsOverdue);
        Assert.True(session.VitalsDue(TestData.Schedule, next)!.IsOverdue);
        Assert.Equal(due.OverdueAfter.AddMilliseconds(1), next);
    }

    [Fact]
    public void A_reaction_awaiting_its_rate_order_is_due_at_the_deadline()
    {
        var session = TestData.Start();
        var reportedAt = TestData.At(5);
        session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["flushing"], reportedAt);

        Assert.Equal(reportedAt.AddSeconds(TestData.Policy.RateOrderDeadlineSeconds), Checks.NextCheckAt(session));
    }

    [Fact]
    public void Recorded_vitals_move_the_due_time_on()
    {
        var session = TestData.Start();
        var before = Checks.NextCheckAt(session);
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(14));

        Assert.True(Checks.NextCheckAt(session) > before);
        Assert.Equal(session.VitalsDue(TestData.Schedule, TestData.At(14))!.OverdueAfter.AddMilliseconds(1), Checks.NextCheckAt(session));
    }

    [Fact]
    public void An_ended_infusion_is_never_due()
    {
        var session = TestData.Start();
        session.Stop("patient request", TestData.At(3));

        Assert.Null(Checks.NextCheckAt(session));
        Assert.Null(Checks.NextCheckAfter(session, TestData.At(4)));
    }

    [Fact]
    public void After_the_overdue_warning_the_next_look_is_the_recheck_unless_a_deadline_comes_first()
    {
        var session = TestData.Start();
        var now = TestData.At(30); // vitals overdue since 20 min, warning raised by this check

        Assert.Equal(now + SafetyCheckSchedule.Recheck, Checks.NextCheckAfter(session, now));

        session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["flushing"], now);
        Assert.Equal(now.AddSeconds(TestData.Policy.RateOrderDeadlineSeconds), Checks.NextCheckAfter(session, now));
    }

    [Fact]
    public void A_check_before_anything_is_due_keeps_the_due_time()
    {
        var session = TestData.Start();

        Assert.Equal(Checks.NextCheckAt(session), Checks.NextCheckAfter(session, TestData.At(1)));
    }
}
