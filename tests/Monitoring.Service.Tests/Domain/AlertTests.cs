using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class AlertTests
{
    private static readonly Guid InfusionId = Guid.NewGuid();

    public static TheoryData<ReactionKind, ReactionGrade, AlertSeverity> ReactionSeverities => new()
    {
        { ReactionKind.InfusionRelated, ReactionGrade.Grade1, AlertSeverity.Warning },
        { ReactionKind.InfusionRelated, ReactionGrade.Grade2, AlertSeverity.Warning },
        { ReactionKind.InfusionRelated, ReactionGrade.Grade3, AlertSeverity.Critical },
        { ReactionKind.InfusionRelated, ReactionGrade.Grade4, AlertSeverity.Critical },
        { ReactionKind.Anaphylaxis, ReactionGrade.Grade2, AlertSeverity.Critical },
        { ReactionKind.AsepticMeningitis, ReactionGrade.Grade1, AlertSeverity.Critical },
        { ReactionKind.Thrombosis, ReactionGrade.Grade1, AlertSeverity.Critical },
        { ReactionKind.RenalDysfunction, ReactionGrade.Grade1, AlertSeverity.Critical },
    };

    [Theory]
    [MemberData(nameof(ReactionSeverities))]
    public void Reaction_alert_severity_follows_section_6(ReactionKind kind, ReactionGrade grade, AlertSeverity severity)
    {
        var session = TestData.Start();
        var reaction = session.ReportReaction(kind, grade, ["s"], TestData.At(10)).Reaction;

        var alert = AlertFactory.ForReaction(session.Id, reaction, TestData.At(10));

        Assert.Equal(severity, alert.Severity);
        Assert.Equal(reaction.RuleId, alert.RuleId);
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Equal(reaction.Id, alert.ReactionId);
        Assert.Equal(session.Id, alert.InfusionId);
        Assert.Equal($"reaction:{reaction.Id}", alert.DeduplicationKey);
        Assert.DoesNotContain(session.PatientReference, alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hypertension_raises_a_warning_and_reaction_findings_raise_nothing_themselves()
    {
        var session = TestData.Start();
        var result = session.RecordVitals(TestData.Baseline with { SystolicMmHg = 185, TemperatureC = 38.5m }, TestData.Evaluator, TestData.At(15));
        var alerts = result.Findings.Select(f => AlertFactory.ForVitalsFinding(session.Id, result.Reading, f, TestData.At(15))).OfType<Alert>().ToList();

        var alert = Assert.Single(alerts);
        Assert.Equal(RuleIds.VitalsHypertension, alert.RuleId);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(RuleIds.VitalsFever, Assert.Single(result.DetectedReactions).Reaction.FindingRuleId);
    }

    [Fact]
    public void Overdue_vitals_raise_a_warning_keyed_by_the_due_time()
    {
        var due = TestData.Schedule.Evaluate(TestData.T0, TestData.At(15), TestData.At(40));
        var alert = AlertFactory.ForOverdueVitals(InfusionId, due, TestData.At(40));
        var again = AlertFactory.ForOverdueVitals(InfusionId, due, TestData.At(41));

        Assert.Equal(RuleIds.VitalsOverdue, alert.RuleId);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(alert.DeduplicationKey, again.DeduplicationKey);
    }

    [Fact]
    public void A_missing_rate_order_raises_a_critical_escalation()
    {
        var session = TestData.Start();
        session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["flushing"], TestData.At(10));
        var reaction = Assert.Single(session.EscalateOverdueRateOrders(TestData.Policy, TestData.At(11)));

        var alert = AlertFactory.ForMissingRateOrder(session.Id, reaction, TestData.Policy, TestData.At(11));

        Assert.Equal(RuleIds.RateOrderDeadline, alert.RuleId);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(reaction.Id, alert.ReactionId);
        Assert.Equal($"order-deadline:{reaction.Id}", alert.DeduplicationKey);
    }

    [Fact]
    public void Acknowledge_once()
    {
        var alert = Alert.Raise(InfusionId, AlertSeverity.Critical, RuleIds.ReactionGrade3, "stopped", "k", null, TestData.At(1));
        Assert.Equal(1, alert.Version);

        alert.Acknowledge("nurse-7", TestData.At(2));

        Assert.Equal(AlertState.Acknowledged, alert.State);
        Assert.Equal("nurse-7", alert.AcknowledgedBy);
        Assert.Equal(TestData.At(2), alert.AcknowledgedAt);
        Assert.Equal(2, alert.Version);
        var ex = TestData.Violation(() => alert.Acknowledge("nurse-8", TestData.At(3)));
        Assert.Equal(ViolationConditions.AlertNotActive, ex.Condition);
        Assert.Equal("nurse-7", alert.AcknowledgedBy);
        Assert.Equal(2, alert.Version);
    }

    [Fact]
    public void Acknowledge_needs_a_user()
    {
        var alert = Alert.Raise(InfusionId, AlertSeverity.Warning, RuleIds.VitalsOverdue, "overdue", "k", null, TestData.At(1));
        Assert.Throws<DomainValidationException>(() => alert.Acknowledge(" ", TestData.At(2)));
        Assert.Equal(AlertState.Active, alert.State);
    }

    [Fact]
    public void Resolve_once_and_no_acknowledge_after_it()
    {
        var alert = Alert.Raise(InfusionId, AlertSeverity.Warning, RuleIds.VitalsOverdue, "overdue", "k", null, TestData.At(1));
        alert.Resolve(TestData.At(5));
        Assert.Equal(AlertState.Resolved, alert.State);
        Assert.Equal(ViolationConditions.AlertAlreadyResolved, TestData.Violation(() => alert.Resolve(TestData.At(6))).Condition);
        Assert.Equal(ViolationConditions.AlertNotActive, TestData.Violation(() => alert.Acknowledge("n", TestData.At(6))).Condition);
    }

    [Fact]
    public void Snapshot_round_trip()
    {
        var alert = Alert.Raise(InfusionId, AlertSeverity.Critical, RuleIds.ReactionGrade4, "stopped", "k", Guid.NewGuid(), TestData.At(1));
        alert.Acknowledge("nurse-1", TestData.At(2));
        var restored = Alert.FromSnapshot(alert.ToSnapshot());
        Assert.Equal(alert.ToSnapshot(), restored.ToSnapshot());
    }

    [Fact]
    public void Unknown_reaction_rule_has_no_severity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AlertFactory.SeverityForReactionRule("VIT-FEVER"));
    }
}
