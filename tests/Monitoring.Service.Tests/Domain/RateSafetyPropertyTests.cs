using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

/// <summary>
/// Property-style: random interleavings of reactions, rate orders (many above the current rate,
/// redelivered ids), resolves, titration attempts, vitals, pauses and resumes. Seeded, so a failure
/// reproduces. The rate never rises while a reaction is active, and the invariants always hold.
/// </summary>
public class RateSafetyPropertyTests
{
    private const int Seeds = 200;
    private const int OperationsPerSeed = 150;

    [Fact]
    public void The_rate_never_rises_while_a_reaction_is_active()
    {
        var operations = 0;
        var refusedOrders = 0;
        var appliedOrders = 0;
        var titrations = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var now = TestData.T0;
            var session = NewSession(random);
            for (var i = 0; i < OperationsPerSeed; i++)
            {
                if (!session.IsActive && random.Next(4) == 0)
                {
                    session = NewSession(random);
                    now = TestData.T0;
                }

                now = now.AddMinutes(random.Next(0, 12)).AddSeconds(random.Next(0, 60));
                var rateBefore = session.CurrentRateMgPerKgMin;
                var reactionActiveBefore = session.HasActiveReaction;
                var versionBefore = session.Version;
                var versionBeforeLastCall = versionBefore;
                var op = random.Next(9);
                try
                {
                    switch (op)
                    {
                        case 0:
                            session.ReportReaction(RandomKind(random), (ReactionGrade)RandomGrade(random), ["random"], now);
                            break;
                        case 1:
                            var result = session.ApplyRateOrder(
                                $"order-{random.Next(40)}",
                                RandomOrderRate(session, random),
                                RuleIds.ReactionGrade1,
                                "random order",
                                now,
                                RandomReactionId(session, random));
                            if (!result.IsDuplicate && result.Record.Outcome == RateOrderOutcome.Refused)
                            {
                                refusedOrders++;
                            }

                            if (result.RateChange is not null)
                            {
                                appliedOrders++;
                            }

                            break;
                        case 2:
                            var active = session.ActiveReactions;
                            if (active.Count > 0)
                            {
                                session.ResolveReaction(active[random.Next(active.Count)].Id, now);
                            }

                            break;
                        case 3:
                        case 4:
                            if (session.IsActive && random.Next(3) > 0)
                            {
                                session.RecordVitals(TestData.Baseline, TestData.Evaluator, now);
                                versionBeforeLastCall = session.Version;
                            }

                            session.AdvanceTitration(TestData.Schedule, now);
                            titrations++;
                            break;
                        case 5:
                            session.RecordVitals(RandomVitals(random), TestData.Evaluator, now);
                            break;
                        case 6:
                            session.Pause(null, now);
                            break;
                        case 7:
                            session.Resume(Math.Round((decimal)(random.NextDouble() * 9) + 0.1m, 2), TestData.Policy, now);
                            break;
                        default:
                            session.EscalateOverdueRateOrders(TestData.Policy, now);
                            break;
                    }
                }
                catch (DomainRuleViolation)
                {
                    // A refused call changes nothing, not even the version.
                    Assert.Equal(versionBeforeLastCall, session.Version);
                }

                operations++;
                if (reactionActiveBefore || session.HasActiveReaction)
                {
                    Assert.True(
                        session.CurrentRateMgPerKgMin <= rateBefore,
                        $"seed {seed}, op {i} ({op}): rate rose from {rateBefore} to {session.CurrentRateMgPerKgMin} with a reaction active");
                }

                Assert.True(session.Version >= versionBefore);
                var broken = InfusionInvariants.Check(session);
                Assert.True(broken.Count == 0, $"seed {seed}, op {i} ({op}): {string.Join("; ", broken)}");
            }
        }

        // The run really exercised the dangerous paths.
        Assert.Equal(Seeds * OperationsPerSeed, operations);
        Assert.True(refusedOrders > 100, $"only {refusedOrders} refused orders");
        Assert.True(appliedOrders > 100, $"only {appliedOrders} applied orders");
        Assert.True(titrations > 50, $"only {titrations} titrations");
    }

    [Fact]
    public void Orders_replayed_in_any_order_never_raise_the_rate_and_apply_once()
    {
        for (var seed = 1; seed <= 100; seed++)
        {
            var random = new Random(seed);
            var session = TestData.Start();
            TestData.VitalsAndAdvance(session, 30);
            TestData.VitalsAndAdvance(session, 60);
            TestData.VitalsAndAdvance(session, 90);
            session.ReportReaction(ReactionKind.InfusionRelated, ReactionGrade.Grade1, ["chills"], TestData.At(95));

            var orders = Enumerable.Range(0, 8).Select(n => (Id: $"o-{n}", Rate: (decimal)random.Next(1, 90) / 10m)).ToList();
            var deliveries = orders.Concat(orders).Concat(orders).OrderBy(_ => random.Next()).ToList();
            var now = TestData.At(96);
            var lowest = 8m;
            foreach (var (id, rate) in deliveries)
            {
                var before = session.CurrentRateMgPerKgMin;
                session.ApplyRateOrder(id, rate, RuleIds.ReactionGrade1, "replay", now = now.AddSeconds(1));
                Assert.True(session.CurrentRateMgPerKgMin <= before);
                if (rate <= before)
                {
                    lowest = Math.Min(lowest, rate);
                }
            }

            Assert.Equal(orders.Count, session.RateOrders.Count);
            Assert.Equal(lowest, session.CurrentRateMgPerKgMin);
            Assert.Empty(InfusionInvariants.Check(session));
        }
    }

    private static InfusionSession NewSession(Random random) =>
        TestData.Start(atRiskCap: random.Next(3) == 0 ? 4m : null);

    /// <summary>Half around the current rate (either side), half anywhere from -0.5 to 10.</summary>
    private static decimal RandomOrderRate(InfusionSession session, Random random) =>
        random.Next(2) == 0
            ? Math.Round(session.CurrentRateMgPerKgMin * (decimal)(random.NextDouble() * 1.5), 2)
            : Math.Round((decimal)(random.NextDouble() * 10.5) - 0.5m, 2);

    private static ReactionKind RandomKind(Random random) => random.Next(20) switch
    {
        0 => ReactionKind.Anaphylaxis,
        1 => ReactionKind.AsepticMeningitis,
        2 => ReactionKind.Thrombosis,
        3 => ReactionKind.RenalDysfunction,
        _ => ReactionKind.InfusionRelated,
    };

    private static int RandomGrade(Random random) => random.Next(10) switch
    {
        < 5 => 1,
        < 8 => 2,
        8 => 3,
        _ => 4,
    };

    private static Guid? RandomReactionId(InfusionSession session, Random random) =>
        session.Reactions.Count > 0 && random.Next(3) == 0
            ? session.Reactions[random.Next(session.Reactions.Count)].Id
            : null;

    private static Vitals RandomVitals(Random random)
    {
        var systolic = random.Next(85, 200);
        return new Vitals(
            35m + (random.Next(0, 50) / 10m),
            systolic,
            random.Next(40, Math.Min(120, systolic - 10)),
            random.Next(50, 140),
            random.Next(88, 101),
            random.Next(10, 30));
    }
}
