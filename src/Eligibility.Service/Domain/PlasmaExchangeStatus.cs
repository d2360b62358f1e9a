namespace Ivig.Eligibility.Domain;

/// <summary>Plasma exchange (PLEX) for the current acute relapse (ELIG-AR-PLEX, ELIG-AR-REFRACTORY).</summary>
public enum PlasmaExchangeStatus
{
    NotTried,
    Given,
    Contraindicated,
    Unavailable,
}
