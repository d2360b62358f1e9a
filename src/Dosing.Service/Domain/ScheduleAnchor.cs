namespace Ivig.Dosing.Domain;

/// <summary>What week 1 of a <see cref="DoseSchedule"/> counts from.</summary>
public enum ScheduleAnchor
{
    /// <summary>Week 1 is the week of the first infusion.</summary>
    FirstInfusion,

    /// <summary>Week 1 is the first week after delivery (DOSE-POSTPARTUM).</summary>
    Delivery,
}
