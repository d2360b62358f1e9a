namespace Ivig.Dosing.Domain;

/// <summary>What the regimen is for; each maps to one dosing rule.</summary>
public enum Indication
{
    /// <summary>DOSE-ACUTE.</summary>
    AcuteRelapse,

    /// <summary>DOSE-MAINT.</summary>
    RelapsePrevention,

    /// <summary>DOSE-POSTPARTUM.</summary>
    Postpartum,
}
