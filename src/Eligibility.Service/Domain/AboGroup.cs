namespace Ivig.Eligibility.Domain;

/// <summary>ABO blood group (PRE-HEMOLYSIS).</summary>
public enum AboGroup
{
    O,
    A,
    B,
    AB,
}
