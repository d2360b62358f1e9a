namespace Ivig.Dosing.Domain;

public enum RateAction
{
    /// <summary>Keep infusing at a lower rate.</summary>
    Slow,

    /// <summary>Stop the pump until the reaction resolves, then resume at the order's resume rate.</summary>
    Pause,

    /// <summary>Stop the infusion for good.</summary>
    Stop,
}
