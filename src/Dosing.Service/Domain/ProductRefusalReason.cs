namespace Ivig.Dosing.Domain;

public enum ProductRefusalReason
{
    IgaAboveLimit,
    StabilizerExcluded,
}
