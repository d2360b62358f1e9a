namespace Ivig.ServiceDefaults.Security;

/// <summary>The suite's roles, as the JWT "role" claim carries them. Every RPC names the roles it allows.</summary>
public static class SuiteRoles
{
    /// <summary>Assesses eligibility, plans regimens, records overrides.</summary>
    public const string Prescriber = "prescriber";

    /// <summary>Verifies products and regimens.</summary>
    public const string Pharmacist = "pharmacist";

    /// <summary>Runs infusions: start, vitals, titration, reactions.</summary>
    public const string Nurse = "nurse";

    /// <summary>Operations: read-only lists, watch streams, acknowledge alerts.</summary>
    public const string Ops = "ops";

    /// <summary>Hospital integrations: read and export.</summary>
    public const string Integration = "integration";

    public static readonly IReadOnlyList<string> All = [Prescriber, Pharmacist, Nurse, Ops, Integration];

    /// <summary>Role lists for [Authorize(Roles = ...)] attributes (comma-separated, any one suffices).</summary>
    public const string Anyone = Prescriber + "," + Pharmacist + "," + Nurse + "," + Ops + "," + Integration;
    public const string Clinicians = Prescriber + "," + Pharmacist + "," + Nurse;

    /// <summary>Who may read a patient's clinical record (assessments, regimens).</summary>
    public const string RecordReaders = Prescriber + "," + Pharmacist + "," + Nurse + "," + Integration;

    /// <summary>Who may read the audit trail.</summary>
    public const string AuditReaders = Prescriber + "," + Integration;

    /// <summary>Who watches live streams and acknowledges alerts.</summary>
    public const string Watchers = Nurse + "," + Ops;
}
