using System.Text.Json;
using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

/// <summary>Snapshots are plain data: they survive System.Text.Json with default options (for storage).</summary>
public class SnapshotSerializationTests
{
    [Fact]
    public void Session_snapshot_round_trips_through_json()
    {
        var session = TestData.Start(atRiskCap: 4m);
        TestData.VitalsAndAdvance(session, 30);
        session.RecordVitals(TestData.Baseline with { TemperatureC = 38.4m, SystolicMmHg = 185 }, TestData.Evaluator, TestData.At(40));
        session.ApplyRateOrder("order-1", 1m, RuleIds.ReactionGrade1, "slow", TestData.At(41));
        session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade2, ["rigors"], TestData.At(42));

        var json = JsonSerializer.Serialize(session.ToSnapshot());
        var restored = InfusionSession.FromSnapshot(JsonSerializer.Deserialize<InfusionSessionSnapshot>(json)!);

        Assert.Equal(json, JsonSerializer.Serialize(restored.ToSnapshot()));
        Assert.Equal(session.Version, restored.Version);
        Assert.Equal(InfusionState.Paused, restored.State);
        Assert.True(restored.Grade2ReactionSinceLastRun);
        Assert.Equal(2, restored.ActiveReactions.Count);
        Assert.Equal(session.LatestVitals.Findings.Select(f => f.ReactionGrade), restored.LatestVitals.Findings.Select(f => f.ReactionGrade));
        Assert.Empty(restored.RecordedVitals); // the history is stored beside the snapshot, not in it
        Assert.Empty(InfusionInvariants.Check(restored));
    }

    [Fact]
    public void Alert_snapshot_round_trips_through_json()
    {
        var alert = Alert.Raise(Guid.NewGuid(), AlertSeverity.Warning, RuleIds.VitalsOverdue, "overdue", "k", null, TestData.At(1));
        alert.Acknowledge("nurse-1", TestData.At(2));
        var json = JsonSerializer.Serialize(alert.ToSnapshot());
        Assert.Equal(alert.ToSnapshot(), JsonSerializer.Deserialize<AlertSnapshot>(json));
    }
}
