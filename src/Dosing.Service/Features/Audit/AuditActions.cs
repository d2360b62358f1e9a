namespace Ivig.Dosing.Features.Audit;

public static class AuditActions
{
    public const string PlanRegimen = "PlanRegimen";
    public const string OrderRateAdjustment = "OrderRateAdjustment";

    /// <summary>The actor of decisions Dosing takes on its own (rate orders answer an event, not a caller).</summary>
    public const string ServiceSubject = "dosing";
    public const string ServiceRole = "service";
}
