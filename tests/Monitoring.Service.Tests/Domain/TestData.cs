using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

/// <summary>A standard 70 kg, 10% product, ladder 1 → 2 → 4 → 8 mg/kg/min every 30 min.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly Vitals Baseline = new(36.8m, 120, 80, 75, 98, 16);

    public static VitalsThresholds Thresholds => new();

    public static VitalsEvaluator Evaluator => new(new VitalsThresholds());

    public static VitalsSchedule Schedule => new(new VitalsThresholds());

    public static ReactionPolicyOptions Policy => new();

    public static PreInfusionChecks Checks => new(HydrationConfirmed: true, PremedicationGiven: true, PremedicationOmittedReason: null);

    public static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    public static InfusionPlan Plan(decimal? atRiskCap = null, decimal productMax = 8m, IReadOnlyList<TitrationStep>? ladder = null) => new(
        RegimenId: "reg-1",
        DayNumber: 1,
        PatientReference: "patient-ref-opaque",
        ProductId: "gamunex-c",
        DosingWeightKg: 70m,
        ConcentrationMgPerMl: 100m,
        Ladder: ladder ??
        [
            new TitrationStep(1m, 42m, 30),
            new TitrationStep(2m, 84m, 30),
            new TitrationStep(4m, 168m, 30),
            new TitrationStep(8m, 336m, null),
        ],
        AtRiskCapMgPerKgMin: atRiskCap,
        ProductMaxMgPerKgMin: productMax);

    public static InfusionSession Start(decimal? atRiskCap = null, decimal productMax = 8m, IReadOnlyList<TitrationStep>? ladder = null) =>
        InfusionSession.Start(Guid.NewGuid(), Plan(atRiskCap, productMax, ladder), Baseline, Checks, T0);

    /// <summary>Records normal vitals and advances one step at <paramref name="minutes"/>.</summary>
    public static RateChange VitalsAndAdvance(InfusionSession session, double minutes)
    {
        session.RecordVitals(Baseline, Evaluator, At(minutes));
        return session.AdvanceTitration(Schedule, At(minutes));
    }

    public static DomainRuleViolation Violation(Action action) => Assert.Throws<DomainRuleViolation>(action);
}
