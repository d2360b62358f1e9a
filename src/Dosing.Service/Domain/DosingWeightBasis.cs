namespace Ivig.Dosing.Domain;

/// <summary>Which formula produced the dosing weight.</summary>
public enum DosingWeightBasis
{
    Actual,
    Adjusted,
}
