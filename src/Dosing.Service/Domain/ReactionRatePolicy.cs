namespace Ivig.Dosing.Domain;

/// <summary>The rate after a reaction (RXN-G1 … RXN-RENAL). The new rate is never above the current one, nor above the at-risk cap when capped.</summary>
public sealed class ReactionRatePolicy(DosingPolicyOptions options)
{
    private const string EmergencyText = "Emergency treatment now: epinephrine per the anaphylaxis protocol.";
    private const string FrozenText = "Titration is frozen while the reaction is active; re-escalation is a clinician's explicit step.";

    private readonly DosingPolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <exception cref="DosingValidationException">A rate or weight is negative or implausible.</exception>
    public RateOrder Decide(ReactionRateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var current = request.CurrentRateMgPerKgMin;
        return request.Kind switch
        {
            ReactionKind.Grade1 => Slow(request, current),
            ReactionKind.Grade2 => Pause(request, current),
            ReactionKind.Grade3 => Stop(RuleIds.RxnGrade3, "grade 3 (severe) reaction", []),
            ReactionKind.Grade4 => Stop(RuleIds.RxnGrade4, "grade 4 (life-threatening) reaction", [EmergencyText]),
            ReactionKind.Anaphylaxis => Stop(RuleIds.RxnGrade4, "anaphylaxis", [EmergencyText]),
            ReactionKind.AsepticMeningitis => Stop(
                RuleIds.RxnMeningitis,
                "severe headache with neck stiffness (aseptic meningitis)",
                ["Neurological assessment."]),
            ReactionKind.Thrombosis => Stop(
                RuleIds.RxnThrombo,
                "signs of thrombosis (DVT, stroke, chest pain or dyspnoea)",
                ["Urgent medical assessment for thrombosis."]),
            ReactionKind.Renal => Stop(
                RuleIds.RxnRenal,
                "signs of renal impairment (falling urine output or rising creatinine)",
                ["Urgent medical assessment of renal function and urine output."]),
            _ => throw new DosingValidationException([new FieldViolation("kind", Text.Invariant($"'{request.Kind}' is not a known reaction kind"))]),
        };
    }

    private RateOrder Slow(ReactionRateRequest request, decimal current)
    {
        var factor = _options.Grade1SlowFactor;
        var rate = Safe(request, current * factor);
        return new RateOrder(
            RateAction.Slow,
            rate,
            MlPerHour(request, rate),
            null,
            null,
            AlertSeverity.Warning,
            RuleIds.RxnGrade1,
            Text.Invariant($"grade 1 (mild) reaction: slow from {current} to {rate} mg/kg/min ({factor * 100:0.##}% of the current rate{CapText(request, current * factor)})"),
            [FrozenText]);
    }

    private RateOrder Pause(ReactionRateRequest request, decimal current)
    {
        var factor = _options.Grade2ResumeFactor;
        var tolerated = Math.Min(request.LastToleratedRateMgPerKgMin ?? current, current);
        var resume = Safe(request, tolerated * factor);
        var resumeMlPerHour = MlPerHour(request, resume);
        return new RateOrder(
            RateAction.Pause,
            0m,
            0m,
            resume,
            resumeMlPerHour,
            AlertSeverity.Warning,
            RuleIds.RxnGrade2,
            Text.Invariant($"grade 2 (moderate) reaction: pause; when resolved, resume at {resume} mg/kg/min ({factor * 100:0.##}% of the last tolerated {tolerated} mg/kg/min{CapText(request, tolerated * factor)})"),
            ["Treat the symptoms; resume only when the reaction has resolved.", FrozenText]);
    }

    private static RateOrder Stop(string ruleId, string what, IReadOnlyList<string> instructions) => new(
        RateAction.Stop,
        0m,
        0m,
        null,
        null,
        AlertSeverity.Critical,
        ruleId,
        $"{what}: stop the infusion at once",
        [.. instructions, "Do not restart without a clinician's explicit decision."]);

    /// <summary>The invariant: never above the current rate, never above the at-risk cap when capped.</summary>
    private static decimal Safe(ReactionRateRequest request, decimal proposed)
    {
        var rate = Math.Min(proposed, request.CurrentRateMgPerKgMin);
        return request.AtRiskCapRequired ? Math.Min(rate, request.Product.AtRiskCapMgPerKgMin) : rate;
    }

    private static string CapText(ReactionRateRequest request, decimal proposed) =>
        request.AtRiskCapRequired && proposed > request.Product.AtRiskCapMgPerKgMin
            ? Text.Invariant($", lowered to the at-risk cap {request.Product.AtRiskCapMgPerKgMin} (DOSE-CAP)")
            : "";

    private static decimal MlPerHour(ReactionRateRequest request, decimal rate) =>
        InfusionMath.MlPerHour(rate, request.DosingWeightKg, request.Product.ConcentrationPercent);

    private void Validate(ReactionRateRequest request)
    {
        var violations = new List<FieldViolation>();
        if (request.Product is null)
        {
            violations.Add(new FieldViolation("product", "is missing"));
        }

        if (request.CurrentRateMgPerKgMin < 0)
        {
            violations.Add(new FieldViolation("currentRateMgPerKgMin", Text.Invariant($"{request.CurrentRateMgPerKgMin} must not be negative")));
        }

        if (request.LastToleratedRateMgPerKgMin < 0)
        {
            violations.Add(new FieldViolation("lastToleratedRateMgPerKgMin", Text.Invariant($"{request.LastToleratedRateMgPerKgMin} must not be negative")));
        }

        if (request.DosingWeightKg < _options.MinWeightKg || request.DosingWeightKg > _options.MaxWeightKg)
        {
            violations.Add(new FieldViolation(
                "dosingWeightKg",
                Text.Invariant($"{request.DosingWeightKg} kg is outside the plausible {_options.MinWeightKg}–{_options.MaxWeightKg} kg")));
        }

        if (violations.Count > 0)
        {
            throw new DosingValidationException(violations);
        }
    }
}
