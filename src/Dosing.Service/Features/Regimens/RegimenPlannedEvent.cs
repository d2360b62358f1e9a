using Ivig.Dosing.Domain;
using Ivig.IntegrationEvents;

namespace Ivig.Dosing.Features.Regimens;

public static class RegimenPlannedEvent
{
    /// <summary>The event for a planned regimen; it carries no patient-identifying data.</summary>
    public static RegimenPlanned From(Regimen regimen, RegimenHeader header)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(header);
        return new RegimenPlanned(
            header.RegimenId,
            header.AssessmentId,
            regimen.ProductId,
            regimen.Indication.ToString(),
            (double)regimen.DosingWeight.WeightKg,
            (double)regimen.TotalGramsPerCourse,
            regimen.AtRiskCap.Required,
            [.. regimen.RuleIds],
            header.PlannedAt);
    }
}
