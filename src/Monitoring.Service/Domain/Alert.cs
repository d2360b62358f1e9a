namespace Ivig.Monitoring.Domain;

/// <summary>
/// A clinical alert on one infusion (ClinicalAlertRaised). Create with <see cref="AlertFactory"/>.
/// <see cref="DeduplicationKey"/> is the same for the same cause (e.g. one reaction), so storage can keep
/// a redelivered cause from raising a second alert. Messages carry no patient-identifying data.
/// </summary>
public sealed class Alert
{
    private Alert(AlertSnapshot s)
    {
        Id = s.Id;
        InfusionId = s.InfusionId;
        Severity = s.Severity;
        State = s.State;
        RuleId = s.RuleId;
        Message = s.Message;
        DeduplicationKey = s.DeduplicationKey;
        ReactionId = s.ReactionId;
        RaisedAt = s.RaisedAt;
        AcknowledgedBy = s.AcknowledgedBy;
        AcknowledgedAt = s.AcknowledgedAt;
        ResolvedAt = s.ResolvedAt;
        Version = s.Version;
    }

    public Guid Id { get; }

    public Guid InfusionId { get; }

    public AlertSeverity Severity { get; }

    public AlertState State { get; private set; }

    public string RuleId { get; }

    public string Message { get; }

    public string DeduplicationKey { get; }

    /// <summary>The reaction the alert is about, if any.</summary>
    public Guid? ReactionId { get; }

    public DateTimeOffset RaisedAt { get; }

    public string? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public long Version { get; private set; }

    /// <summary>Raises a new active alert (version 1).</summary>
    public static Alert Raise(
        Guid infusionId,
        AlertSeverity severity,
        string ruleId,
        string message,
        string deduplicationKey,
        Guid? reactionId,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(deduplicationKey);
        return new Alert(new AlertSnapshot(
            Guid.CreateVersion7(now),
            infusionId,
            severity,
            AlertState.Active,
            ruleId,
            message,
            deduplicationKey,
            reactionId,
            now,
            AcknowledgedBy: null,
            AcknowledgedAt: null,
            ResolvedAt: null,
            Version: 1));
    }

    public static Alert FromSnapshot(AlertSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Alert(snapshot);
    }

    public AlertSnapshot ToSnapshot() => new(
        Id, InfusionId, Severity, State, RuleId, Message, DeduplicationKey, ReactionId, RaisedAt, AcknowledgedBy, AcknowledgedAt, ResolvedAt, Version);

    /// <summary>Acknowledges an active alert, once; <paramref name="who"/> is the user id (audited).</summary>
    public void Acknowledge(string who, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(who))
        {
            throw DomainValidationException.For("acknowledgedBy", "is required");
        }

        if (State != AlertState.Active)
        {
            throw new DomainRuleViolation(
                ViolationConditions.AlertNotActive,
                $"Only an active alert can be acknowledged; it is {State}.");
        }

        State = AlertState.Acknowledged;
        AcknowledgedBy = who;
        AcknowledgedAt = now;
        Version++;
    }

    /// <summary>Resolves an active or acknowledged alert, once.</summary>
    public void Resolve(DateTimeOffset now)
    {
        if (State == AlertState.Resolved)
        {
            throw new DomainRuleViolation(ViolationConditions.AlertAlreadyResolved, "The alert is already resolved.");
        }

        State = AlertState.Resolved;
        ResolvedAt = now;
        Version++;
    }
}
