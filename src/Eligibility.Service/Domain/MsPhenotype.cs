namespace Ivig.Eligibility.Domain;

/// <summary>MS phenotype (section 1).</summary>
public enum MsPhenotype
{
    Cis,
    Rrms,
    Spms,
    Ppms,
}
