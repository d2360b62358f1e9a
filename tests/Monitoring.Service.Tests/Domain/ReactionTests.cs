using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class ReactionTests
{
    [Fact]
    public void A_retried_report_with_the_same_request_id_returns_the_recorded_reaction_and_changes_nothing()
    {
        var session = TestData.Start();
        var first = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade2, ["chills"], TestData.At(10), "report-1");
        var version = session.Version;

        var retried = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade2, ["chills"], TestData.At(11), "report-1");

        Assert.True(retried.Repeated);
        Assert.Equal(first.Reaction.Id, retried.Reaction.Id);
        Assert.Null(retried.RateChange);
        Assert.Equal(version, session.Version);
        Assert.Single(session.Reactions);
        var another = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["flushing"], TestData.At(12), "report-2");
        Assert.False(another.Repeated);
        Assert.Equal(2, session.Reactions.Count);
    }

    [Fact]
    public void Grade1_keeps_the_current_rate_and_freezes_titration()
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);

        var outcome = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["flushing"], TestData.At(40));

        Assert.Null(outcome.RateChange);
        Assert.Equal(RuleIds.ReactionGrade1, outcome.Reaction.RuleId);
        Assert.Equal(ReactionAction.ContinueAwaitingRateOrder, outcome.Reaction.Action);
        Assert.True(outcome.Reaction.IsActive);
        Assert.True(outcome.Reaction.RateOrderExpected);
        Assert.Equal(2m, outcome.Reaction.RateAtOnsetMgPerKgMin);
        Assert.Equal(InfusionState.Running, session.State);
        Assert.Equal(2m, session.CurrentRateMgPerKgMin);
        session.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(60));
        Assert.Equal(ViolationConditions.ReactionActive, TestData.Violation(() => session.AdvanceTitration(TestData.Schedule, TestData.At(60))).Condition);
    }

    [Fact]
    public void Grade2_pauses_in_the_same_call()
    {
        var session = TestData.Start();
        var outcome = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade2, ["urticaria", "needs antihistamine"], TestData.At(10));

        Assert.Equal(RuleIds.ReactionGrade2, outcome.Reaction.RuleId);
        Assert.Equal(InfusionState.Paused, session.State);
        Assert.NotNull(outcome.RateChange);
        Assert.Equal(RateChangeSource.Pause, outcome.RateChange.Source);
        Assert.Equal(RuleIds.ReactionGrade2, outcome.RateChange.RuleId);
        Assert.Equal(0m, session.CurrentRateMgPerKgMin);
        Assert.Equal(1m, session.LastToleratedRateMgPerKgMin);
        Assert.True(session.Grade2ReactionSinceLastRun);
        Assert.False(outcome.Reaction.RateOrderExpected);
    }

    public static TheoryData<ReactionKind, ReactionGrade, string> SevereReactions => new()
    {
        { ReactionKind.InfusionRelated, ReactionGrade.Grade3, RuleIds.ReactionGrade3 },
        { ReactionKind.InfusionRelated, ReactionGrade.Grade4, RuleIds.ReactionGrade4 },
        { ReactionKind.Anaphylaxis, ReactionGrade.Grade3, RuleIds.ReactionGrade4 },
        { ReactionKind.Anaphylaxis, ReactionGrade.Grade1, RuleIds.ReactionGrade4 },
        { ReactionKind.AsepticMeningitis, ReactionGrade.Grade2, RuleIds.ReactionMeningitis },
        { ReactionKind.Thrombosis, ReactionGrade.Grade1, RuleIds.ReactionThrombosis },
        { ReactionKind.RenalDysfunction, ReactionGrade.Grade2, RuleIds.ReactionRenal },
    };

    [Theory]
    [MemberData(nameof(SevereReactions))]
    public void Severe_reactions_and_syndromes_stop_in_the_same_call(ReactionKind kind, ReactionGrade grade, string ruleId)
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        var versionBefore = session.Version;

        var outcome = session.ReportReaction(kind, grade, ["symptom"], TestData.At(45));

        Assert.Equal(ruleId, outcome.Reaction.RuleId);
        Assert.Equal(ReactionAction.Stop, outcome.Reaction.Action);
        Assert.Equal(InfusionState.Stopped, session.State);
        Assert.Equal(0m, session.CurrentRateMgPerKgMin);
        Assert.NotNull(outcome.RateChange);
        Assert.Equal(RateChangeSource.Stop, outcome.RateChange.Source);
        Assert.Equal(ruleId, outcome.RateChange.RuleId);
        Assert.Equal(TestData.At(45), session.EndedAt);
        Assert.Equal(versionBefore + 1, session.Version);
    }

    [Fact]
    public void A_severe_reaction_on_a_paused_infusion_stops_it()
    {
        var session = TestData.Start();
        session.Pause(null, TestData.At(5));
        var outcome = session.ReportReaction(ReactionKind.Thrombosis, ReactionGrade.Grade3, ["chest pain"], TestData.At(6));
        Assert.Equal(InfusionState.Stopped, session.State);
        Assert.NotNull(outcome.RateChange);
        Assert.Equal(InfusionState.Paused, outcome.Reaction.StateAtOnset);
    }

    [Fact]
    public void A_reaction_after_the_end_is_recorded_without_a_rate_change()
    {
        var session = TestData.Start();
        session.Complete(TestData.At(180));
        var outcome = session.ReportReaction(ReactionKind.RenalDysfunction, ReactionGrade.Grade3, ["falling urine output"], TestData.At(600));
        Assert.Null(outcome.RateChange);
        Assert.Equal(InfusionState.Completed, session.State);
        Assert.True(outcome.Reaction.IsActive);
        Assert.False(outcome.Reaction.RateOrderExpected);
    }

    [Fact]
    public void Undefined_grade_or_kind_is_invalid_input()
    {
        var session = TestData.Start();
        var ex = Assert.Throws<DomainValidationException>(() => session.ReportReaction((ReactionKind)42, (ReactionGrade)7, ["x", " "], TestData.At(1)));
        Assert.Equal(["kind", "grade", "symptoms"], ex.Violations.Select(v => v.Field));
        Assert.Empty(session.Reactions);
    }

    [Fact]
    public void Resolve_ends_the_reaction_but_does_not_raise_the_rate()
    {
        var session = TestData.Start();
        TestData.VitalsAndAdvance(session, 30);
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["chills"], TestData.At(35)).Reaction;
        session.ApplyRateOrder("o-1", 1m, RuleIds.ReactionGrade1, "slow to 50%", TestData.At(36));
        var history = session.RateHistory.Count;

        var resolved = session.ResolveReaction(reaction.Id, TestData.At(50));

        Assert.False(resolved.IsActive);
        Assert.Equal(TestData.At(50), resolved.ResolvedAt);
        Assert.Equal(1m, session.CurrentRateMgPerKgMin);
        Assert.Equal(history, session.RateHistory.Count);
        Assert.False(session.HasActiveReaction);
    }

    [Fact]
    public void Resolve_of_a_grade2_keeps_the_infusion_paused()
    {
        var session = TestData.Start();
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade2, ["rigors"], TestData.At(10)).Reaction;
        session.ResolveReaction(reaction.Id, TestData.At(20));
        Assert.Equal(InfusionState.Paused, session.State);
        Assert.Equal(0m, session.CurrentRateMgPerKgMin);
    }

    [Fact]
    public void Resolve_unknown_or_twice_is_refused()
    {
        var session = TestData.Start();
        Assert.Equal(ViolationConditions.ReactionNotFound, TestData.Violation(() => session.ResolveReaction(Guid.NewGuid(), TestData.At(1))).Condition);
        var reaction = session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, [], TestData.At(2)).Reaction;
        session.ResolveReaction(reaction.Id, TestData.At(3));
        Assert.Equal(ViolationConditions.ReactionAlreadyResolved, TestData.Violation(() => session.ResolveReaction(reaction.Id, TestData.At(4))).Condition);
    }

    public static TheoryData<Vitals, ReactionGrade, string> DetectedReactions => new()
    {
        { TestData.Baseline with { TemperatureC = 38.4m }, ReactionGrade.Grade1, RuleIds.VitalsFever },
        { TestData.Baseline with { HeartRatePerMin = 130 }, ReactionGrade.Grade1, RuleIds.VitalsTachycardia },
        { TestData.Baseline with { SystolicMmHg = 85, DiastolicMmHg = 50 }, ReactionGrade.Grade2, RuleIds.VitalsHypotension },
        { TestData.Baseline with { RespiratoryRatePerMin = 28 }, ReactionGrade.Grade2, RuleIds.VitalsTachypnoea },
        { TestData.Baseline with { SpO2Percent = 88 }, ReactionGrade.Grade3, RuleIds.VitalsHypoxia },
    };

    [Theory]
    [MemberData(nameof(DetectedReactions))]
    public void A_detected_reaction_has_exactly_the_effect_of_a_reported_one(Vitals vitals, ReactionGrade grade, string findingRuleId)
    {
        var detectedSession = TestData.Start();
        var reportedSession = TestData.Start();
        TestData.VitalsAndAdvance(detectedSession, 30);
        TestData.VitalsAndAdvance(reportedSession, 30);

        var result = detectedSession.RecordVitals(vitals, TestData.Evaluator, TestData.At(45));
        reportedSession.RecordVitals(TestData.Baseline, TestData.Evaluator, TestData.At(45));
        var reported = reportedSession.ReportReaction(ReactionKind.InfusionRelated, grade, ["reported"], TestData.At(45));

        var detected = Assert.Single(result.DetectedReactions);
        Assert.Equal(ReactionSource.Detected, detected.Reaction.Source);
        Assert.Equal(findingRuleId, detected.Reaction.FindingRuleId);
        Assert.Equal(reported.Reaction.RuleId, detected.Reaction.RuleId);
        Assert.Equal(reported.Reaction.Action, detected.Reaction.Action);
        Assert.Equal(reported.Reaction.RateOrderExpected, detected.Reaction.RateOrderExpected);
        Assert.Equal(reported.RateChange?.Source, detected.RateChange?.Source);
        Assert.Equal(reportedSession.State, detectedSession.State);
        Assert.Equal(reportedSession.CurrentRateMgPerKgMin, detectedSession.CurrentRateMgPerKgMin);
        Assert.Equal(reportedSession.LastToleratedRateMgPerKgMin, detectedSession.LastToleratedRateMgPerKgMin);
        Assert.Equal(reportedSession.Grade2ReactionSinceLastRun, detectedSession.Grade2ReactionSinceLastRun);
    }

    [Fact]
    public void Hypertension_is_a_finding_without_a_reaction_or_rate_change()
    {
        var session = TestData.Start();
        var result = session.RecordVitals(TestData.Baseline with { SystolicMmHg = 190 }, TestData.Evaluator, TestData.At(15));
        Assert.Equal(RuleIds.VitalsHypertension, Assert.Single(result.Findings).RuleId);
        Assert.Empty(result.DetectedReactions);
        Assert.Empty(session.Reactions);
        Assert.Equal(1m, session.CurrentRateMgPerKgMin);
    }

    [Fact]
    public void A_persisting_finding_does_not_record_a_second_reaction_while_the_first_is_active()
    {
        var session = TestData.Start();
        var fever = TestData.Baseline with { TemperatureC = 38.5m };
        var first = Assert.Single(session.RecordVitals(fever, TestData.Evaluator, TestData.At(15)).DetectedReactions);
        Assert.Empty(session.RecordVitals(fever, TestData.Evaluator, TestData.At(30)).DetectedReactions);

        session.ResolveReaction(first.Reaction.Id, TestData.At(31));
        Assert.Single(session.RecordVitals(fever, TestData.Evaluator, TestData.At(45)).DetectedReactions);
        Assert.Equal(2, session.Reactions.Count);
    }

    [Fact]
    public void Several_findings_stop_first_and_record_every_reaction()
    {
        var session = TestData.Start();
        var result = session.RecordVitals(new Vitals(38.6m, 120, 80, 130, 89, 16), TestData.Evaluator, TestData.At(15));

        Assert.Equal([RuleIds.VitalsHypoxia, RuleIds.VitalsFever, RuleIds.VitalsTachycardia], result.DetectedReactions.Select(d => d.Reaction.FindingRuleId));
        Assert.Equal(RateChangeSource.Stop, result.DetectedReactions[0].RateChange?.Source);
        Assert.Null(result.DetectedReactions[1].RateChange);
        Assert.Equal(InfusionState.Stopped, session.State);
        Assert.All(result.DetectedReactions, d => Assert.False(d.Reaction.RateOrderExpected));
        Assert.Equal(2, session.Version);
    }
}
