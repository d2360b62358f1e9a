namespace Ivig.Eligibility.Domain;

/// <summary>Pregnancy state (section 1); <see cref="Postpartum"/> goes with <see cref="PatientFacts.DeliveryDate"/>.</summary>
public enum PregnancyState
{
    NotPregnant,
    Pregnant,
    Postpartum,
    Breastfeeding,
}
