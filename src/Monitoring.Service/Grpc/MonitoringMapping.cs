using Google.Protobuf.WellKnownTypes;
using Ivig.Common.V1;
using Ivig.Monitoring.Domain;
using V1 = Ivig.Monitoring.V1;

namespace Ivig.Monitoring.Grpc;

/// <summary>Maps the monitoring domain to the contract's messages (the names overlap, hence the V1 alias).</summary>
internal static class MonitoringMapping
{
    public static V1.Infusion ToProto(this InfusionSession session)
    {
        var message = new V1.Infusion
        {
            InfusionId = session.Id.ToString(),
            RegimenId = session.RegimenId,
            Day = session.DayNumber,
            PatientReference = session.PatientReference,
            ProductId = session.ProductId,
            State = session.State.ToProto(),
            CurrentStep = session.CurrentStepIndex + 1,
            CurrentRate = Rate(session.CurrentRateMgPerKgMin, session.CurrentRateMlPerHour),
            BaselineVitals = session.BaselineVitals.ToProto(session.StartedAt),
            StartedAt = Timestamp.FromDateTimeOffset(session.StartedAt),
            Version = session.Version,
        };
        message.LastVitals = session.LatestVitals.Vitals.ToProto(session.LatestVitals.RecordedAt);
        message.Reactions.AddRange(session.Reactions.Select(ToProto));
        message.RateHistory.AddRange(session.RateHistory.Select(c => new V1.RateChange
        {
            At = Timestamp.FromDateTimeOffset(c.At),
            Rate = Rate(c.RateMgPerKgMin, c.RateMlPerHour),
            Reason = c.Reason,
            RuleId = c.RuleId ?? "",
        }));
        return message;
    }

    public static V1.Alert ToProto(this Alert alert)
    {
        var message = new V1.Alert
        {
            AlertId = alert.Id.ToString(),
            InfusionId = alert.InfusionId.ToString(),
            Severity = alert.Severity switch
            {
                AlertSeverity.Info => V1.AlertSeverity.Info,
                AlertSeverity.Warning => V1.AlertSeverity.Warning,
                AlertSeverity.Critical => V1.AlertSeverity.Critical,
                _ => V1.AlertSeverity.Unspecified,
            },
            State = alert.State switch
            {
                AlertState.Active => V1.AlertState.Active,
                AlertState.Acknowledged => V1.AlertState.Acknowledged,
                AlertState.Resolved => V1.AlertState.Resolved,
                _ => V1.AlertState.Unspecified,
            },
            RuleId = alert.RuleId,
            Message = alert.Message,
            RaisedAt = Timestamp.FromDateTimeOffset(alert.RaisedAt),
        };
        if (alert.AcknowledgedBy is { } by && alert.AcknowledgedAt is { } at)
        {
            message.AcknowledgedBy = new Actor { Subject = by };
            message.AcknowledgedAt = Timestamp.FromDateTimeOffset(at);
        }
        return message;
    }

    public static V1.Reaction ToProto(this Reaction reaction)
    {
        var message = new V1.Reaction
        {
            ReactionId = reaction.Id.ToString(),
            Kind = ToProtoKind(reaction.Kind, reaction.Grade),
            Source = reaction.Source == ReactionSource.Reported ? "REPORTED" : reaction.FindingRuleId ?? "DETECTED",
            RuleId = reaction.RuleId,
            Active = reaction.IsActive,
            ReportedAt = Timestamp.FromDateTimeOffset(reaction.ReportedAt),
        };
        message.Symptoms.AddRange(reaction.Symptoms);
        if (reaction.ResolvedAt is { } resolved)
        {
            message.ResolvedAt = Timestamp.FromDateTimeOffset(resolved);
        }
        return message;
    }

    public static V1.VitalSigns ToProto(this Vitals vitals, DateTimeOffset measuredAt)
    {
        var message = new V1.VitalSigns
        {
            TemperatureCelsius = (double)vitals.TemperatureC,
            SystolicMmhg = vitals.SystolicMmHg,
            DiastolicMmhg = vitals.DiastolicMmHg,
            HeartRatePerMin = vitals.HeartRatePerMin,
            Spo2Percent = vitals.SpO2Percent,
            RespiratoryRatePerMin = vitals.RespiratoryRatePerMin,
            MeasuredAt = Timestamp.FromDateTimeOffset(measuredAt),
        };
        if (vitals.WeightKg is { } weight)
        {
            message.WeightKg = (double)weight;
        }
        return message;
    }

    public static Vitals ToDomain(this V1.VitalSigns vitals) => new(
        PlausibleDecimal(vitals.TemperatureCelsius),
        vitals.SystolicMmhg,
        vitals.DiastolicMmhg,
        vitals.HeartRatePerMin,
        vitals.Spo2Percent,
        vitals.RespiratoryRatePerMin,
        vitals.HasWeightKg ? PlausibleDecimal(vitals.WeightKg) : null);

    /// <summary>
    /// NaN, infinities and absurd magnitudes cannot become a decimal (the cast would throw and surface
    /// as Internal); they become a value far outside every plausible range, so validation names the field.
    /// </summary>
    private static decimal PlausibleDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e9 ? (decimal)value : decimal.MinValue;

    public static V1.InfusionState ToProto(this InfusionState state) => state switch
    {
        InfusionState.Running => V1.InfusionState.Running,
        InfusionState.Paused => V1.InfusionState.Paused,
        InfusionState.Stopped => V1.InfusionState.Stopped,
        InfusionState.Completed => V1.InfusionState.Completed,
        _ => V1.InfusionState.Unspecified,
    };

    /// <summary>The contract folds grade and syndrome into one kind; the domain keeps them apart.</summary>
    public static V1.ReactionKind ToProtoKind(ReactionKind kind, ReactionGrade grade) => kind switch
    {
        ReactionKind.InfusionRelated => grade switch
        {
            ReactionGrade.Grade1 => V1.ReactionKind.Grade1,
            ReactionGrade.Grade2 => V1.ReactionKind.Grade2,
            ReactionGrade.Grade3 => V1.ReactionKind.Grade3,
            _ => V1.ReactionKind.Grade4,
        },
        ReactionKind.Anaphylaxis => V1.ReactionKind.Anaphylaxis,
        ReactionKind.AsepticMeningitis => V1.ReactionKind.AsepticMeningitis,
        ReactionKind.Thrombosis => V1.ReactionKind.Thrombosis,
        ReactionKind.RenalDysfunction => V1.ReactionKind.Renal,
        _ => V1.ReactionKind.Unspecified,
    };

    /// <summary>Syndromes always stop the infusion whatever the grade; they are recorded as grade 3 (anaphylaxis 4).</summary>
    public static (ReactionKind Kind, ReactionGrade Grade)? ToDomain(V1.ReactionKind kind) => kind switch
    {
        V1.ReactionKind.Grade1 => (ReactionKind.InfusionRelated, ReactionGrade.Grade1),
        V1.ReactionKind.Grade2 => (ReactionKind.InfusionRelated, ReactionGrade.Grade2),
        V1.ReactionKind.Grade3 => (ReactionKind.InfusionRelated, ReactionGrade.Grade3),
        V1.ReactionKind.Grade4 => (ReactionKind.InfusionRelated, ReactionGrade.Grade4),
        V1.ReactionKind.Anaphylaxis => (ReactionKind.Anaphylaxis, ReactionGrade.Grade4),
        V1.ReactionKind.AsepticMeningitis => (ReactionKind.AsepticMeningitis, ReactionGrade.Grade3),
        V1.ReactionKind.Thrombosis => (ReactionKind.Thrombosis, ReactionGrade.Grade3),
        V1.ReactionKind.Renal => (ReactionKind.RenalDysfunction, ReactionGrade.Grade3),
        _ => null,
    };

    private static InfusionRate Rate(decimal mgPerKgPerMin, decimal mlPerHour) =>
        new() { MgPerKgPerMin = (double)mgPerKgPerMin, MlPerHour = (double)mlPerHour };
}
