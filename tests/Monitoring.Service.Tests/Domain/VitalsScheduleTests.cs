using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class VitalsScheduleTests
{
    private static readonly VitalsSchedule Schedule = TestData.Schedule;
    private static readonly DateTimeOffset Start = TestData.T0;

    [Fact]
    public void Every_15_minutes_in_the_first_hour()
    {
        var due = Schedule.Evaluate(Start, TestData.At(30), TestData.At(40));
        Assert.Equal(TestData.At(45), due.DueAt);
        Assert.Equal(TestData.At(50), due.OverdueAfter);
        Assert.False(due.IsOverdue);
    }

    [Fact]
    public void Hourly_after_the_first_hour()
    {
        var due = Schedule.Evaluate(Start, TestData.At(60), TestData.At(61));
        Assert.Equal(TestData.At(120), due.DueAt);
    }

    [Fact]
    public void Without_vitals_since_the_start_the_first_is_due_15_minutes_after_it()
    {
        Assert.Equal(TestData.At(15), Schedule.Evaluate(Start, null, TestData.At(1)).DueAt);
        Assert.Equal(TestData.At(15), Schedule.Evaluate(Start, TestData.At(-20), TestData.At(1)).DueAt);
    }

    [Fact]
    public void Overdue_only_after_interval_plus_grace()
    {
        Assert.False(Schedule.Evaluate(Start, TestData.At(15), TestData.At(35)).IsOverdue);
        Assert.True(Schedule.Evaluate(Start, TestData.At(15), TestData.At(35.01)).IsOverdue);
        Assert.False(Schedule.Evaluate(Start, TestData.At(75), TestData.At(140)).IsOverdue);
        Assert.True(Schedule.Evaluate(Start, TestData.At(75), TestData.At(141)).IsOverdue);
    }

    [Fact]
    public void Session_reports_its_vitals_due_until_it_ends()
    {
        var session = TestData.Start();
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(15));
        var due = session.VitalsDue(Schedule, TestData.At(40));
        Assert.NotNull(due);
        Assert.Equal(TestData.At(30), due.DueAt);
        Assert.True(due.IsOverdue);

        session.Complete(TestData.At(41));
        Assert.Null(session.VitalsDue(Schedule, TestData.At(90)));
    }

    [Fact]
    public void Intervals_and_grace_come_from_options()
    {
        var schedule = new VitalsSchedule(new VitalsThresholds { EarlyPhaseIntervalMinutes = 10, OverdueGraceMinutes = 2 });
        var due = schedule.Evaluate(Start, TestData.At(10), TestData.At(22.5));
        Assert.Equal(TestData.At(20), due.DueAt);
        Assert.True(due.IsOverdue);
    }
}
