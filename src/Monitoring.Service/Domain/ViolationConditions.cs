namespace Ivig.Monitoring.Domain;

/// <summary>The <see cref="DomainRuleViolation.Condition"/> names the domain can produce.</summary>
public static class ViolationConditions
{
    // Start
    public const string BaselineVitalsMissing = "BASELINE_VITALS_MISSING";
    public const string HydrationNotConfirmed = "HYDRATION_NOT_CONFIRMED";
    public const string PremedicationNotDocumented = "PREMEDICATION_NOT_DOCUMENTED";

    // State
    public const string NotRunning = "NOT_RUNNING";
    public const string NotPaused = "NOT_PAUSED";
    public const string InfusionEnded = "INFUSION_ENDED";

    // Titration and resume
    public const string StepTimeNotElapsed = "STEP_TIME_NOT_ELAPSED";
    public const string VitalsNotRecent = "VITALS_NOT_RECENT";
    public const string ReactionActive = "REACTION_ACTIVE";
    public const string LastStep = "LAST_STEP";
    public const string AboveProductMax = "ABOVE_PRODUCT_MAX";
    public const string AboveRiskCap = "ABOVE_RISK_CAP";
    public const string ResumeAboveLastTolerated = "RESUME_ABOVE_LAST_TOLERATED";
    public const string ResumeAboveGrade2Limit = "RESUME_ABOVE_GRADE2_LIMIT";
    public const string ResumeAboveRateOrder = "RESUME_ABOVE_RATE_ORDER";

    // Reactions
    public const string ReactionNotFound = "REACTION_NOT_FOUND";
    public const string ReactionAlreadyResolved = "REACTION_ALREADY_RESOLVED";

    // Rate orders (returned in RateOrderRecord.RefusalCondition, never thrown: orders arrive by message)
    public const string RateOrderAboveCurrent = "RATE_ORDER_ABOVE_CURRENT";
    public const string RateOrderNotPositive = "RATE_ORDER_NOT_POSITIVE";

    // Alerts
    public const string AlertNotActive = "ALERT_NOT_ACTIVE";
    public const string AlertAlreadyResolved = "ALERT_ALREADY_RESOLVED";
}
