namespace Ivig.Eligibility.Domain;

/// <summary>Sex, as used by the dosing formulas (Devine IBW) and to rule out pregnancy.</summary>
public enum Sex
{
    Male,
    Female,
}
