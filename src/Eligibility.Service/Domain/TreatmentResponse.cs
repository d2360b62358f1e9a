namespace Ivig.Eligibility.Domain;

/// <summary>Response of an acute relapse to corticosteroids or to plasma exchange.</summary>
public enum TreatmentResponse
{
    Adequate,
    Inadequate,
}
