namespace Ivig.Monitoring.Domain;

/// <summary>
/// One infusion (one regimen day) from start to stop or completion: the state machine, the rate, the
/// vitals and the reactions. Every change is an explicit call with the time passed in; the session never
/// starts, raises or restarts a rate on its own. Each successful mutating call increases
/// <see cref="Version"/> by one (a duplicate rate order changes nothing, not even the version).
/// Not thread-safe: storage serialises updates with the version.
/// </summary>
public sealed class InfusionSession
{
    private readonly List<RateChange> rateHistory;
    private readonly List<VitalsReading> recordedVitals = [];
    private readonly List<Reaction> reactions;
    private readonly List<RateOrderRecord> rateOrders;

    private InfusionSession(InfusionSessionSnapshot s)
    {
        Id = s.Id;
        Plan = s.Plan;
        Checks = s.Checks;
        BaselineVitals = s.BaselineVitals;
        StartedAt = s.StartedAt;
        State = s.State;
        CurrentStepIndex = s.CurrentStepIndex;
        CurrentRateMgPerKgMin = s.CurrentRateMgPerKgMin;
        CurrentRateMlPerHour = s.CurrentRateMlPerHour;
        CurrentRateSince = s.CurrentRateSince;
        LastToleratedRateMgPerKgMin = s.LastToleratedRateMgPerKgMin;
        Grade2ReactionSinceLastRun = s.Grade2ReactionSinceLastRun;
        OrderedResumeCeilingMgPerKgMin = s.OrderedResumeCeilingMgPerKgMin;
        EndedAt = s.EndedAt;
        EndReason = s.EndReason;
        Version = s.Version;
        rateHistory = [.. s.RateHistory];
        LatestVitals = s.LatestVitals;
        reactions = [.. s.Reactions];
        rateOrders = [.. s.RateOrders];
    }

    public Guid Id { get; }

    public InfusionPlan Plan { get; }

    public string RegimenId => Plan.RegimenId;

    public int DayNumber => Plan.DayNumber;

    /// <summary>Opaque patient reference: never log it.</summary>
    public string PatientReference => Plan.PatientReference;

    public string ProductId => Plan.ProductId;

    public decimal DosingWeightKg => Plan.DosingWeightKg;

    public decimal ConcentrationMgPerMl => Plan.ConcentrationMgPerMl;

    public IReadOnlyList<TitrationStep> Ladder => Plan.Ladder;

    public decimal? AtRiskCapMgPerKgMin => Plan.AtRiskCapMgPerKgMin;

    public decimal ProductMaxMgPerKgMin => Plan.ProductMaxMgPerKgMin;

    public PreInfusionChecks Checks { get; }

    public Vitals BaselineVitals { get; }

    public DateTimeOffset StartedAt { get; }

    public InfusionState State { get; private set; }

    /// <summary>The highest ladder step whose rate is at or below the current rate (0 below the first step).</summary>
    public int CurrentStepIndex { get; private set; }

    public decimal CurrentRateMgPerKgMin { get; private set; }

    public decimal CurrentRateMlPerHour { get; private set; }

    /// <summary>When the current rate (the current step) started; the step duration counts from here.</summary>
    public DateTimeOffset CurrentRateSince { get; private set; }

    /// <summary>The last rate the infusion ran at before it was paused or stopped (the resume ceiling).</summary>
    public decimal LastToleratedRateMgPerKgMin { get; private set; }

    /// <summary>A grade 2 reaction happened since the infusion last ran: resume is limited by the RXN-G2 factor.</summary>
    public bool Grade2ReactionSinceLastRun { get; private set; }

    /// <summary>The lowest rate ordered by Dosing while paused: the resume may not exceed it.</summary>
    public decimal? OrderedResumeCeilingMgPerKgMin { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>Increases by one with every successful change (optimistic concurrency in storage).</summary>
    public long Version { get; private set; }

    public IReadOnlyList<RateChange> RateHistory => rateHistory.AsReadOnly();

    /// <summary>The most recent reading (the baseline until the first one is recorded).</summary>
    public VitalsReading LatestVitals { get; private set; }

    /// <summary>
    /// Readings recorded on this instance since it was loaded (for a new session, the baseline too):
    /// storage appends them to the infusion's vitals history, which is kept outside the snapshot so a
    /// long infusion's every write stays small.
    /// </summary>
    public IReadOnlyList<VitalsReading> RecordedVitals => recordedVitals.AsReadOnly();

    public IReadOnlyList<Reaction> Reactions => reactions.AsReadOnly();

    public IReadOnlyList<RateOrderRecord> RateOrders => rateOrders.AsReadOnly();

    public bool IsActive => State is InfusionState.Running or InfusionState.Paused;

    public bool HasActiveReaction => reactions.Exists(r => r.IsActive);

    public IReadOnlyList<Reaction> ActiveReactions => reactions.Where(r => r.IsActive).ToList();

    public DateTimeOffset? LastVitalsAt => LatestVitals.RecordedAt;

    /// <summary>
    /// Starts an infusion RUNNING at ladder step 0. Requires baseline vitals (section 7), hydration
    /// confirmed (PRE-HYDRATION) and premedication given or its omission explained (PRE-PREMED).
    /// </summary>
    public static InfusionSession Start(
        Guid infusionId,
        InfusionPlan plan,
        Vitals? baselineVitals,
        PreInfusionChecks checks,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(checks);
        DomainValidationException.ThrowIfAny(ValidatePlan(infusionId, plan));

        if (baselineVitals is null)
        {
            throw new DomainRuleViolation(
                ViolationConditions.BaselineVitalsMissing,
                "Baseline vitals are required before the infusion starts.");
        }

        DomainValidationException.ThrowIfAny(
            VitalsValidator.Validate(baselineVitals)
                .Select(v => v with { Field = "baselineVitals." + v.Field })
                .ToList());

        if (!checks.HydrationConfirmed)
        {
            throw new DomainRuleViolation(
                ViolationConditions.HydrationNotConfirmed,
                "Hydration status must be checked and confirmed before every infusion (PRE-HYDRATION).");
        }

        if (!checks.PremedicationGiven && string.IsNullOrWhiteSpace(checks.PremedicationOmittedReason))
        {
            throw new DomainRuleViolation(
                ViolationConditions.PremedicationNotDocumented,
                "Premedication must be given, or the reason for omitting it documented (PRE-PREMED).");
        }

        var first = plan.Ladder[0];
        EnsureWithinLimits(plan, first.RateMgPerKgMin, "The first ladder step");

        const long sequence = 1;
        var snapshot = new InfusionSessionSnapshot(
            Id: infusionId,
            Plan: plan with { Ladder = [.. plan.Ladder] },
            Checks: checks,
            BaselineVitals: baselineVitals,
            StartedAt: now,
            State: InfusionState.Running,
            CurrentStepIndex: 0,
            CurrentRateMgPerKgMin: first.RateMgPerKgMin,
            CurrentRateMlPerHour: first.RateMlPerHour,
            CurrentRateSince: now,
            LastToleratedRateMgPerKgMin: first.RateMgPerKgMin,
            Grade2ReactionSinceLastRun: false,
            OrderedResumeCeilingMgPerKgMin: null,
            EndedAt: null,
            EndReason: null,
            Version: sequence,
            RateHistory:
            [
                new RateChange(now, first.RateMgPerKgMin, first.RateMlPerHour, "Started at ladder step 1", null, RateChangeSource.Start, sequence),
            ],
            LatestVitals: new VitalsReading(now, baselineVitals, [], IsBaseline: true, sequence),
            Reactions: [],
            RateOrders: []);
        var session = new InfusionSession(snapshot);
        session.recordedVitals.Add(session.LatestVitals);
        return session;
    }

    public static InfusionSession FromSnapshot(InfusionSessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new InfusionSession(snapshot);
    }

    public InfusionSessionSnapshot ToSnapshot() => new(
        Id,
        Plan,
        Checks,
        BaselineVitals,
        StartedAt,
        State,
        CurrentStepIndex,
        CurrentRateMgPerKgMin,
        CurrentRateMlPerHour,
        CurrentRateSince,
        LastToleratedRateMgPerKgMin,
        Grade2ReactionSinceLastRun,
        OrderedResumeCeilingMgPerKgMin,
        EndedAt,
        EndReason,
        Version,
        [.. rateHistory],
        LatestVitals,
        [.. reactions],
        [.. rateOrders]);

    /// <summary>
    /// The clinician's explicit step up the ladder: to the lowest step above the current rate. Only when
    /// RUNNING, no reaction is active, there is a next step, the current step's duration has passed, vitals
    /// were recorded within the current vitals interval, and the next rate is within the product maximum
    /// and the at-risk cap (DOSE-CAP).
    /// </summary>
    public RateChange AdvanceTitration(VitalsSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (State != InfusionState.Running)
        {
            throw new DomainRuleViolation(ViolationConditions.NotRunning, $"Titration needs a running infusion; it is {State}.");
        }

        if (HasActiveReaction)
        {
            throw new DomainRuleViolation(
                ViolationConditions.ReactionActive,
                "Titration is frozen while a reaction is active; resolve it first.");
        }

        var nextIndex = NextStepIndex();
        if (nextIndex is not { } next)
        {
            throw new DomainRuleViolation(ViolationConditions.LastStep, "The infusion is at the last ladder step.");
        }

        var currentStep = Ladder[CurrentStepIndex];
        if (currentStep.DurationMinutes is { } minutes && now - CurrentRateSince < TimeSpan.FromMinutes(minutes))
        {
            throw new DomainRuleViolation(
                ViolationConditions.StepTimeNotElapsed,
                $"The current step must run {minutes} min before the next; it has run {(now - CurrentRateSince).TotalMinutes:0.#} min.");
        }

        if (!schedule.IsRecent(StartedAt, LastVitalsAt, now))
        {
            throw new DomainRuleViolation(
                ViolationConditions.VitalsNotRecent,
                "Vitals must be recorded within the current vitals interval before every rate increase.");
        }

        var step = Ladder[next];
        EnsureWithinLimits(Plan, step.RateMgPerKgMin, $"Ladder step {next + 1}");

        var sequence = NextSequence();
        CurrentStepIndex = next;
        LastToleratedRateMgPerKgMin = step.RateMgPerKgMin;
        return SetRate(step.RateMgPerKgMin, step.RateMlPerHour, RateChangeSource.Titration, $"Titrated to ladder step {next + 1}", null, sequence, now);
    }

    /// <summary>
    /// Records vitals and evaluates them against the baseline. Each finding treated as a reaction is
    /// recorded as a detected reaction, handled exactly like a reported one (most severe first); a finding
    /// whose detected reaction is still active is not recorded twice.
    /// </summary>
    public VitalsRecordingResult RecordVitals(Vitals vitals, VitalsEvaluator evaluator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        ArgumentNullException.ThrowIfNull(evaluator);
        if (!IsActive)
        {
            throw new DomainRuleViolation(ViolationConditions.InfusionEnded, $"Vitals cannot be recorded on a {State} infusion.");
        }

        DomainValidationException.ThrowIfAny(VitalsValidator.Validate(vitals));
        var findings = evaluator.Evaluate(BaselineVitals, vitals);

        var sequence = NextSequence();
        var reading = new VitalsReading(now, vitals, findings, IsBaseline: false, sequence);
        LatestVitals = reading;
        recordedVitals.Add(reading);

        var detected = new List<ReactionOutcome>();
        foreach (var finding in findings.Where(f => f.IsReaction).OrderByDescending(f => f.ReactionGrade))
        {
            if (reactions.Exists(r => r.IsActive && r.FindingRuleId == finding.RuleId))
            {
                continue;
            }

            detected.Add(RegisterReaction(
                ReactionKind.InfusionRelated,
                finding.ReactionGrade!.Value,
                [finding.Description],
                ReactionSource.Detected,
                finding.RuleId,
                sequence,
                now));
        }

        return new VitalsRecordingResult(reading, findings, detected);
    }

    /// <summary>
    /// Records a reported reaction and acts in the same call (section 6): titration freezes; RXN-G2 pauses;
    /// RXN-G3, RXN-G4 (any anaphylaxis), RXN-MENINGITIS, RXN-THROMBO and RXN-RENAL stop; RXN-G1 keeps the
    /// current rate until Dosing's rate order arrives. Accepted in every state, so a delayed reaction after
    /// the end is still recorded (it changes no rate then). A report repeating an earlier
    /// <paramref name="requestId"/> (a client retrying after a lost answer) returns the reaction already
    /// recorded and changes nothing.
    /// </summary>
    public ReactionOutcome ReportReaction(ReactionKind kind, ReactionGrade grade, IReadOnlyList<string> symptoms, DateTimeOffset now,
        string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(symptoms);
        if (requestId is not null && reactions.Find(r => r.RequestId == requestId) is { } earlier)
        {
            return new ReactionOutcome(earlier, null, Repeated: true);
        }
        var violations = new List<FieldViolation>();
        if (!Enum.IsDefined(kind))
        {
            violations.Add(new FieldViolation("kind", "unknown reaction kind"));
        }

        if (!Enum.IsDefined(grade))
        {
            violations.Add(new FieldViolation("grade", "must be a CTCAE grade from 1 to 4"));
        }

        if (symptoms.Any(string.IsNullOrWhiteSpace))
        {
            violations.Add(new FieldViolation("symptoms", "must not contain blank entries"));
        }

        DomainValidationException.ThrowIfAny(violations);

        var sequence = NextSequence();
        return RegisterReaction(kind, grade, [.. symptoms], ReactionSource.Reported, null, sequence, now, requestId);
    }

    /// <summary>
    /// Applies Dosing's rate order (InfusionRateAdjustmentOrdered). Idempotent by <paramref name="orderId"/>.
    /// Never raises the rate: an order above the current rate (above the last tolerated rate while paused)
    /// is refused and recorded, and changes nothing. RUNNING: the rate is set. PAUSED: the order becomes the
    /// ceiling of the clinician's resume. STOPPED or COMPLETED: recorded, the rate stays 0.
    /// <paramref name="reactionId"/> links the order to a reaction; without it, the order answers every
    /// active reaction still waiting for one. Refusals are returned, not thrown: orders arrive by message.
    /// </summary>
    public RateOrderResult ApplyRateOrder(
        string orderId,
        decimal newRateMgPerKgMin,
        string ruleId,
        string reason,
        DateTimeOffset now,
        Guid? reactionId = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(orderId))
        {
            violations.Add(new FieldViolation("orderId", "is required"));
        }

        if (string.IsNullOrWhiteSpace(ruleId))
        {
            violations.Add(new FieldViolation("ruleId", "is required"));
        }

        DomainValidationException.ThrowIfAny(violations);

        var existing = rateOrders.Find(o => o.OrderId == orderId);
        if (existing is not null)
        {
            return new RateOrderResult(existing, null, IsDuplicate: true);
        }

        var sequence = NextSequence();
        RateOrderOutcome outcome;
        string? refusal = null;
        RateChange? change = null;
        if (newRateMgPerKgMin <= 0m)
        {
            outcome = RateOrderOutcome.Refused;
            refusal = ViolationConditions.RateOrderNotPositive;
        }
        else
        {
            switch (State)
            {
                case InfusionState.Running when newRateMgPerKgMin > CurrentRateMgPerKgMin:
                case InfusionState.Paused when newRateMgPerKgMin > LastToleratedRateMgPerKgMin:
                    outcome = RateOrderOutcome.Refused;
                    refusal = ViolationConditions.RateOrderAboveCurrent;
                    break;
                case InfusionState.Running:
                    outcome = RateOrderOutcome.Applied;
                    var mlPerHour = newRateMgPerKgMin == CurrentRateMgPerKgMin ? CurrentRateMlPerHour : MlPerHourFor(newRateMgPerKgMin);
                    CurrentStepIndex = StepIndexFor(newRateMgPerKgMin);
                    LastToleratedRateMgPerKgMin = newRateMgPerKgMin;
                    change = SetRate(newRateMgPerKgMin, mlPerHour, RateChangeSource.ReactionOrder, reason, ruleId, sequence, now, orderId);
                    break;
                case InfusionState.Paused:
                    outcome = RateOrderOutcome.RecordedAsResumeCeiling;
                    OrderedResumeCeilingMgPerKgMin = Math.Min(OrderedResumeCeilingMgPerKgMin ?? newRateMgPerKgMin, newRateMgPerKgMin);
                    break;
                default:
                    outcome = RateOrderOutcome.RecordedWhileEnded;
                    break;
            }
        }

        if (outcome != RateOrderOutcome.Refused)
        {
            for (var i = 0; i < reactions.Count; i++)
            {
                var r = reactions[i];
                var answers = reactionId is { } id ? r.Id == id : r.IsActive;
                if (answers && r.RateOrderReceivedAt is null)
                {
                    reactions[i] = r with { RateOrderReceivedAt = now };
                }
            }
        }

        var record = new RateOrderRecord(orderId, newRateMgPerKgMin, ruleId, reason, reactionId, now, outcome, refusal, sequence);
        rateOrders.Add(record);
        return new RateOrderResult(record, change, IsDuplicate: false);
    }

    /// <summary>
    /// Ends a reaction. The rate does not rise: re-escalation is the clinician's explicit
    /// <see cref="AdvanceTitration"/> or <see cref="Resume"/>. Accepted in every state.
    /// </summary>
    public Reaction ResolveReaction(Guid reactionId, DateTimeOffset now)
    {
        var index = reactions.FindIndex(r => r.Id == reactionId);
        if (index < 0)
        {
            throw new DomainRuleViolation(ViolationConditions.ReactionNotFound, "No such reaction in this infusion.");
        }

        if (!reactions[index].IsActive)
        {
            throw new DomainRuleViolation(ViolationConditions.ReactionAlreadyResolved, "The reaction is already resolved.");
        }

        var sequence = NextSequence();
        var resolved = reactions[index] with { ResolvedAt = now, ResolvedSequence = sequence };
        reactions[index] = resolved;
        return resolved;
    }

    /// <summary>Pauses a running infusion (rate 0); the running rate becomes the resume ceiling.</summary>
    public RateChange Pause(string? reason, DateTimeOffset now)
    {
        if (State != InfusionState.Running)
        {
            throw new DomainRuleViolation(ViolationConditions.NotRunning, $"Only a running infusion can be paused; it is {State}.");
        }

        var sequence = NextSequence();
        return PauseCore(string.IsNullOrWhiteSpace(reason) ? "Paused by clinician" : reason, null, sequence, now);
    }

    /// <summary>
    /// The highest rate a resume may use now: the last tolerated rate, times the RXN-G2 factor after a
    /// grade 2 reaction, and no higher than a rate ordered while paused, the product maximum or the
    /// at-risk cap. Null when not paused.
    /// </summary>
    public decimal? MaxResumeRate(ReactionPolicyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (State != InfusionState.Paused)
        {
            return null;
        }

        var max = LastToleratedRateMgPerKgMin;
        if (Grade2ReactionSinceLastRun)
        {
            max *= policy.Grade2ResumeFactor;
        }

        if (OrderedResumeCeilingMgPerKgMin is { } ordered)
        {
            max = Math.Min(max, ordered);
        }

        max = Math.Min(max, ProductMaxMgPerKgMin);
        if (AtRiskCapMgPerKgMin is { } cap)
        {
            max = Math.Min(max, cap);
        }

        return max;
    }

    /// <summary>
    /// The clinician resumes a paused infusion at <paramref name="rateMgPerKgMin"/>: only with no active
    /// reaction, and at most <see cref="MaxResumeRate"/> (each limit names its own condition).
    /// </summary>
    public RateChange Resume(decimal rateMgPerKgMin, ReactionPolicyOptions policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        if (State != InfusionState.Paused)
        {
            throw new DomainRuleViolation(ViolationConditions.NotPaused, $"Only a paused infusion can be resumed; it is {State}.");
        }

        if (HasActiveReaction)
        {
            throw new DomainRuleViolation(ViolationConditions.ReactionActive, "Resolve the active reaction before resuming.");
        }

        if (rateMgPerKgMin <= 0m)
        {
            throw DomainValidationException.For("rateMgPerKgPerMin", "must be positive");
        }

        if (rateMgPerKgMin > LastToleratedRateMgPerKgMin)
        {
            throw new DomainRuleViolation(
                ViolationConditions.ResumeAboveLastTolerated,
                $"Resume at most the last tolerated rate, {LastToleratedRateMgPerKgMin} mg/kg/min.");
        }

        if (Grade2ReactionSinceLastRun && rateMgPerKgMin > LastToleratedRateMgPerKgMin * policy.Grade2ResumeFactor)
        {
            throw new DomainRuleViolation(
                ViolationConditions.ResumeAboveGrade2Limit,
                $"After a grade 2 reaction resume at most {LastToleratedRateMgPerKgMin * policy.Grade2ResumeFactor} mg/kg/min (RXN-G2).");
        }

        if (OrderedResumeCeilingMgPerKgMin is { } ordered && rateMgPerKgMin > ordered)
        {
            throw new DomainRuleViolation(
                ViolationConditions.ResumeAboveRateOrder,
                $"Dosing ordered at most {ordered} mg/kg/min.");
        }

        EnsureWithinLimits(Plan, rateMgPerKgMin, "The resume rate");

        var sequence = NextSequence();
        State = InfusionState.Running;
        Grade2ReactionSinceLastRun = false;
        OrderedResumeCeilingMgPerKgMin = null;
        CurrentStepIndex = StepIndexFor(rateMgPerKgMin);
        LastToleratedRateMgPerKgMin = rateMgPerKgMin;
        return SetRate(rateMgPerKgMin, MlPerHourFor(rateMgPerKgMin), RateChangeSource.Resume, "Resumed by clinician", null, sequence, now);
    }

    /// <summary>Stops a running or paused infusion for good (rate 0).</summary>
    public RateChange Stop(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw DomainValidationException.For("reason", "is required");
        }

        if (!IsActive)
        {
            throw new DomainRuleViolation(ViolationConditions.InfusionEnded, $"The infusion is already {State}.");
        }

        var sequence = NextSequence();
        return StopCore(reason, null, sequence, now);
    }

    /// <summary>Completes a running or paused infusion (rate 0).</summary>
    public RateChange Complete(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainRuleViolation(ViolationConditions.InfusionEnded, $"The infusion is already {State}.");
        }

        var sequence = NextSequence();
        if (State == InfusionState.Running)
        {
            LastToleratedRateMgPerKgMin = CurrentRateMgPerKgMin;
        }

        State = InfusionState.Completed;
        EndedAt = now;
        EndReason = "Completed";
        return SetRate(0m, 0m, RateChangeSource.Complete, "Completed", null, sequence, now);
    }

    /// <summary>When vitals are next due; null once the infusion has ended.</summary>
    public VitalsDue? VitalsDue(VitalsSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return IsActive ? schedule.Evaluate(StartedAt, LastVitalsAt, now) : null;
    }

    /// <summary>The earliest rate order deadline still pending (for scheduling the check); null if none.</summary>
    public DateTimeOffset? NextRateOrderDeadline(ReactionPolicyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var pending = reactions.Where(AwaitsRateOrder).Select(r => r.ReportedAt + RateOrderDeadline(policy)).ToList();
        return State == InfusionState.Running && pending.Count > 0 ? pending.Min() : null;
    }

    /// <summary>
    /// Marks every active reaction whose rate order is overdue while the infusion still runs, and returns
    /// them (each once) so the host raises the RXN-ORDER-DEADLINE escalation. The rate is not touched:
    /// the suite never changes a rate on its own.
    /// </summary>
    public IReadOnlyList<Reaction> EscalateOverdueRateOrders(ReactionPolicyOptions policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        if (State != InfusionState.Running)
        {
            return [];
        }

        var deadline = RateOrderDeadline(policy);
        var overdue = reactions
            .Select((r, i) => (Reaction: r, Index: i))
            .Where(x => AwaitsRateOrder(x.Reaction) && now >= x.Reaction.ReportedAt + deadline)
            .ToList();
        if (overdue.Count == 0)
        {
            return [];
        }

        _ = NextSequence();
        var escalated = new List<Reaction>(overdue.Count);
        foreach (var (reaction, index) in overdue)
        {
            var marked = reaction with { RateOrderEscalatedAt = now };
            reactions[index] = marked;
            escalated.Add(marked);
        }

        return escalated;
    }

    private static TimeSpan RateOrderDeadline(ReactionPolicyOptions policy) => TimeSpan.FromSeconds(policy.RateOrderDeadlineSeconds);

    private static bool AwaitsRateOrder(Reaction r) =>
        r.IsActive && r.RateOrderExpected && r.RateOrderReceivedAt is null && r.RateOrderEscalatedAt is null;

    private static void EnsureWithinLimits(InfusionPlan plan, decimal rateMgPerKgMin, string what)
    {
        if (rateMgPerKgMin > plan.ProductMaxMgPerKgMin)
        {
            throw new DomainRuleViolation(
                ViolationConditions.AboveProductMax,
                $"{what} ({rateMgPerKgMin} mg/kg/min) is above the product maximum ({plan.ProductMaxMgPerKgMin}).");
        }

        if (plan.AtRiskCapMgPerKgMin is { } cap && rateMgPerKgMin > cap)
        {
            throw new DomainRuleViolation(
                ViolationConditions.AboveRiskCap,
                $"{what} ({rateMgPerKgMin} mg/kg/min) is above the at-risk cap ({cap}) (DOSE-CAP).");
        }
    }

    private static List<FieldViolation> ValidatePlan(Guid infusionId, InfusionPlan plan)
    {
        var v = new List<FieldViolation>();
        if (infusionId == Guid.Empty)
        {
            v.Add(new FieldViolation("infusionId", "is required"));
        }

        if (string.IsNullOrWhiteSpace(plan.RegimenId))
        {
            v.Add(new FieldViolation("regimenId", "is required"));
        }

        if (plan.DayNumber < 1)
        {
            v.Add(new FieldViolation("dayNumber", "must be 1 or more"));
        }

        if (string.IsNullOrWhiteSpace(plan.PatientReference))
        {
            v.Add(new FieldViolation("patientReference", "is required"));
        }

        if (string.IsNullOrWhiteSpace(plan.ProductId))
        {
            v.Add(new FieldViolation("productId", "is required"));
        }

        v.AddRange(VitalsValidator.ValidateWeight(plan.DosingWeightKg, "dosingWeightKg"));
        if (plan.ConcentrationMgPerMl <= 0m)
        {
            v.Add(new FieldViolation("concentrationMgPerMl", "must be positive"));
        }

        if (plan.ProductMaxMgPerKgMin <= 0m)
        {
            v.Add(new FieldViolation("productMaxMgPerKgMin", "must be positive"));
        }

        if (plan.AtRiskCapMgPerKgMin is <= 0m)
        {
            v.Add(new FieldViolation("atRiskCapMgPerKgMin", "must be positive when set"));
        }

        if (plan.Ladder is null || plan.Ladder.Count == 0)
        {
            v.Add(new FieldViolation("ladder", "must have at least one step"));
            return v;
        }

        for (var i = 0; i < plan.Ladder.Count; i++)
        {
            var step = plan.Ladder[i];
            var isLast = i == plan.Ladder.Count - 1;
            if (step is null)
            {
                v.Add(new FieldViolation($"ladder[{i}]", "is required"));
                continue;
            }

            if (step.RateMgPerKgMin <= 0m)
            {
                v.Add(new FieldViolation($"ladder[{i}].rateMgPerKgMin", "must be positive"));
            }

            if (step.RateMlPerHour <= 0m)
            {
                v.Add(new FieldViolation($"ladder[{i}].rateMlPerHour", "must be positive"));
            }

            if (i > 0 && plan.Ladder[i - 1] is { } previous && step.RateMgPerKgMin <= previous.RateMgPerKgMin)
            {
                v.Add(new FieldViolation($"ladder[{i}].rateMgPerKgMin", "must be above the previous step"));
            }

            if (!isLast && step.DurationMinutes is null or <= 0)
            {
                v.Add(new FieldViolation($"ladder[{i}].durationMinutes", "must be positive for every step but the last"));
            }

            if (isLast && step.DurationMinutes is <= 0)
            {
                v.Add(new FieldViolation($"ladder[{i}].durationMinutes", "must be positive when set"));
            }
        }

        return v;
    }

    private long NextSequence() => ++Version;

    /// <summary>The lowest ladder step above the current rate (the ladder rises strictly).</summary>
    private int? NextStepIndex()
    {
        for (var i = 0; i < Ladder.Count; i++)
        {
            if (Ladder[i].RateMgPerKgMin > CurrentRateMgPerKgMin)
            {
                return i;
            }
        }

        return null;
    }

    private int StepIndexFor(decimal rateMgPerKgMin)
    {
        var index = 0;
        for (var i = 0; i < Ladder.Count; i++)
        {
            if (Ladder[i].RateMgPerKgMin <= rateMgPerKgMin)
            {
                index = i;
            }
        }

        return index;
    }

    /// <summary>The ladder's own mL/h when the rate is a ladder rate, otherwise the section 4 conversion.</summary>
    private decimal MlPerHourFor(decimal rateMgPerKgMin) =>
        Plan.Ladder.FirstOrDefault(s => s.RateMgPerKgMin == rateMgPerKgMin)?.RateMlPerHour
        ?? RateConversion.ToMlPerHour(rateMgPerKgMin, DosingWeightKg, ConcentrationMgPerMl);

    private ReactionOutcome RegisterReaction(
        ReactionKind kind,
        ReactionGrade grade,
        IReadOnlyList<string> symptoms,
        ReactionSource source,
        string? findingRuleId,
        long sequence,
        DateTimeOffset now,
        string? requestId = null)
    {
        var (ruleId, action) = ReactionPolicy.Classify(kind, grade);
        var stateAtOnset = State;
        var rateAtOnset = CurrentRateMgPerKgMin;
        RateChange? change = null;

        switch (action)
        {
            case ReactionAction.Pause:
                if (State == InfusionState.Running)
                {
                    change = PauseCore($"Paused for a {ruleId} reaction", ruleId, sequence, now);
                }

                if (State == InfusionState.Paused)
                {
                    Grade2ReactionSinceLastRun = true;
                }

                break;
            case ReactionAction.Stop:
                if (IsActive)
                {
                    change = StopCore($"Stopped for a {ruleId} reaction", ruleId, sequence, now);
                }

                break;
            case ReactionAction.ContinueAwaitingRateOrder:
                // The rate is held (titration frozen by the active reaction); the reduction comes from
                // Dosing's order, escalated by RXN-ORDER-DEADLINE if it does not arrive.
                break;
        }

        var reaction = new Reaction(
            Id: Guid.CreateVersion7(now),
            Kind: kind,
            Grade: grade,
            RuleId: ruleId,
            Action: action,
            Symptoms: symptoms,
            Source: source,
            FindingRuleId: findingRuleId,
            ReportedAt: now,
            ReportedSequence: sequence,
            RateAtOnsetMgPerKgMin: rateAtOnset,
            StateAtOnset: stateAtOnset,
            RateOrderExpected: action == ReactionAction.ContinueAwaitingRateOrder && stateAtOnset == InfusionState.Running,
            RequestId: requestId);
        reactions.Add(reaction);
        return new ReactionOutcome(reaction, change);
    }

    private RateChange PauseCore(string reason, string? ruleId, long sequence, DateTimeOffset now)
    {
        LastToleratedRateMgPerKgMin = CurrentRateMgPerKgMin;
        State = InfusionState.Paused;
        return SetRate(0m, 0m, RateChangeSource.Pause, reason, ruleId, sequence, now);
    }

    private RateChange StopCore(string reason, string? ruleId, long sequence, DateTimeOffset now)
    {
        if (State == InfusionState.Running)
        {
            LastToleratedRateMgPerKgMin = CurrentRateMgPerKgMin;
        }

        State = InfusionState.Stopped;
        EndedAt = now;
        EndReason = reason;
        Grade2ReactionSinceLastRun = false;
        OrderedResumeCeilingMgPerKgMin = null;
        return SetRate(0m, 0m, RateChangeSource.Stop, reason, ruleId, sequence, now);
    }

    private RateChange SetRate(
        decimal rateMgPerKgMin,
        decimal rateMlPerHour,
        RateChangeSource source,
        string reason,
        string? ruleId,
        long sequence,
        DateTimeOffset now,
        string? orderId = null)
    {
        CurrentRateMgPerKgMin = rateMgPerKgMin;
        CurrentRateMlPerHour = rateMlPerHour;
        CurrentRateSince = now;
        var change = new RateChange(now, rateMgPerKgMin, rateMlPerHour, reason, ruleId, source, sequence, orderId);
        rateHistory.Add(change);
        return change;
    }
}
