using System.Globalization;

namespace Ivig.Monitoring.Domain;

/// <summary>
/// Which alert each cause raises. Reactions follow section 6 (RXN-G1, RXN-G2 WARNING; RXN-G3, RXN-G4,
/// RXN-MENINGITIS, RXN-THROMBO, RXN-RENAL CRITICAL); VIT-HYPERTENSION is a WARNING (section 7); overdue
/// vitals a WARNING (VIT-OVERDUE); a missing rate order a CRITICAL escalation (RXN-ORDER-DEADLINE, a
/// product rule). Vitals findings treated as reactions alert through their detected reaction.
/// </summary>
public static class AlertFactory
{
    public static AlertSeverity SeverityForReactionRule(string ruleId) => ruleId switch
    {
        RuleIds.ReactionGrade1 or RuleIds.ReactionGrade2 => AlertSeverity.Warning,
        RuleIds.ReactionGrade3 or RuleIds.ReactionGrade4 or RuleIds.ReactionMeningitis
            or RuleIds.ReactionThrombosis or RuleIds.ReactionRenal => AlertSeverity.Critical,
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "Not a reaction rule."),
    };

    public static Alert ForReaction(Guid infusionId, Reaction reaction, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reaction);
        var what = reaction.Action switch
        {
            ReactionAction.Stop => "infusion stopped",
            ReactionAction.Pause => "infusion paused",
            _ => "titration frozen, awaiting rate order",
        };
        var detected = reaction.FindingRuleId is { } finding ? $", detected by {finding}" : string.Empty;
        var message = $"{reaction.RuleId} reaction (grade {(int)reaction.Grade}, {reaction.Kind}{detected}): {what}.";
        if (reaction.RuleId == RuleIds.ReactionGrade4)
        {
            message += " Emergency treatment (epinephrine) per protocol.";
        }
        else if (reaction.RuleId == RuleIds.ReactionMeningitis)
        {
            message += " Neurological assessment required.";
        }

        return Alert.Raise(
            infusionId,
            SeverityForReactionRule(reaction.RuleId),
            reaction.RuleId,
            message,
            $"reaction:{reaction.Id}",
            reaction.Id,
            now);
    }

    /// <summary>A warning-only vitals finding (VIT-HYPERTENSION); null for findings treated as reactions.</summary>
    public static Alert? ForVitalsFinding(Guid infusionId, VitalsReading reading, VitalsFinding finding, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.TreatedAs != FindingTreatment.WarningOnly)
        {
            return null;
        }

        return Alert.Raise(
            infusionId,
            AlertSeverity.Warning,
            finding.RuleId,
            $"{finding.RuleId}: {finding.Description}. No rate change.",
            $"vitals:{infusionId:N}:{reading.Sequence}:{finding.RuleId}",
            null,
            now);
    }

    public static Alert ForOverdueVitals(Guid infusionId, VitalsDue due, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(due);
        return Alert.Raise(
            infusionId,
            AlertSeverity.Warning,
            RuleIds.VitalsOverdue,
            $"Vitals overdue: due at {due.DueAt.ToString("u", CultureInfo.InvariantCulture)}.",
            $"vitals-overdue:{infusionId:N}:{due.DueAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            null,
            now);
    }

    public static Alert ForMissingRateOrder(Guid infusionId, Reaction reaction, ReactionPolicyOptions policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reaction);
        ArgumentNullException.ThrowIfNull(policy);
        return Alert.Raise(
            infusionId,
            AlertSeverity.Critical,
            RuleIds.RateOrderDeadline,
            $"No rate order from Dosing within {policy.RateOrderDeadlineSeconds} s of the {reaction.RuleId} reaction; "
                + "the infusion still runs at the rate of onset. Clinician review required.",
            $"order-deadline:{reaction.Id}",
            reaction.Id,
            now);
    }
}
