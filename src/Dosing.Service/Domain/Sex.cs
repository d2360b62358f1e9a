namespace Ivig.Dosing.Domain;

/// <summary>Sex as the Devine ideal-body-weight formula needs it (DOSE-WEIGHT).</summary>
public enum Sex
{
    Female,
    Male,
}
