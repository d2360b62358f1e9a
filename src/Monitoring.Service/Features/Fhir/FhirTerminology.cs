using Hl7.Fhir.Model;

namespace Ivig.Monitoring.Features.Fhir;

/// <summary>
/// Code systems, codes and units of the FHIR export (docs/interop.md): LOINC for vital signs, UCUM for
/// units, HL7 terminology for categories and statuses, and the suite's own systems for its identifiers
/// and rule ids. The suite's systems live under <see cref="SuiteBase"/>, a placeholder until the hospital
/// names the canonical base it publishes them under.
/// </summary>
public static class FhirTerminology
{
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string DoseRateType = "http://terminology.hl7.org/CodeSystem/dose-rate-type";
    public const string AdverseEventSeverity = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    public const string AdverseEventOutcome = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
    public const string AuditSourceType = "http://terminology.hl7.org/CodeSystem/security-source-type";
    public const string AuditEntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

    /// <summary>The suite's canonical base for its own identifier systems, code systems and extensions.</summary>
    public const string SuiteBase = "https://ivig-suite.example/fhir";

    /// <summary>The caller's opaque patient reference (Patient.identifier).</summary>
    public const string PatientReferenceSystem = SuiteBase + "/sid/patient-reference";
    public const string RegimenSystem = SuiteBase + "/sid/regimen";
    public const string InfusionSystem = SuiteBase + "/sid/infusion";
    public const string ReactionSystem = SuiteBase + "/sid/reaction";
    public const string AssessmentSystem = SuiteBase + "/sid/eligibility-assessment";
    public const string AuditEntrySystem = SuiteBase + "/sid/audit-entry";

    /// <summary>Authenticated subjects (the JWT "sub") of prescribers, nurses and systems.</summary>
    public const string SubjectSystem = SuiteBase + "/sid/subject";
    public const string ServiceSystem = SuiteBase + "/sid/service";
    public const string ProductSystem = SuiteBase + "/CodeSystem/product";

    /// <summary>Rule ids of the rule catalogue (ELIG-*, CI-*, PRE-*, RXN-*, VIT-*, DOSE-*).</summary>
    public const string RuleSystem = SuiteBase + "/CodeSystem/rule";
    public const string AuditActionSystem = SuiteBase + "/CodeSystem/audit-action";

    /// <summary>
    /// MedicationAdministration extension, repeated once per rate change in order: sub-extensions
    /// <c>at</c> (dateTime), <c>rate</c> (Quantity mL/h), <c>rateMgPerKgPerMin</c> (Quantity mg/kg/min),
    /// <c>source</c> (code), <c>reason</c> (string) and <c>ruleId</c> (code, when a rule caused it).
    /// </summary>
    public const string RateChangeExtension = SuiteBase + "/StructureDefinition/infusion-rate-change";

    public const string BloodPressurePanel = "85354-9";
    public const string Systolic = "8480-6";
    public const string Diastolic = "8462-4";
    public const string HeartRate = "8867-4";
    public const string RespiratoryRate = "9279-1";
    public const string BodyTemperature = "8310-5";
    public const string OxygenSaturationPulseOximetry = "59408-5";

    /// <summary>The code the FHIR R4 oxygen saturation vital-sign profile requires beside 59408-5.</summary>
    public const string OxygenSaturation = "2708-6";
    public const string BodyWeight = "29463-7";

    public const string MmHg = "mm[Hg]";
    public const string PerMinute = "/min";
    public const string Celsius = "Cel";
    public const string Percent = "%";
    public const string Kilogram = "kg";
    public const string MlPerHour = "mL/h";
    public const string MgPerKgPerMin = "mg/kg/min";
    public const string Minute = "min";

    public static Coding LoincCoding(string code, string display) => new(Loinc, code, display);

    public static Quantity UcumQuantity(decimal value, string code, string? unit = null) => new()
    {
        Value = value,
        Unit = unit ?? code,
        System = Ucum,
        Code = code,
    };

    public static CodeableConcept VitalSignsCategory() =>
        new(ObservationCategory, "vital-signs", "Vital Signs", null);

    public static CodeableConcept IntravenousRoute() =>
        new(Snomed, "47625008", "Intravenous route", null);

    public static CodeableConcept Rule(string ruleId, string? text = null) =>
        new(RuleSystem, ruleId, null, text ?? ruleId);

    public static Identifier IdentifierOf(string system, string value) => new(system, value);

    /// <summary>A logical reference to something outside the bundle (a person or service), by identifier only.</summary>
    public static ResourceReference ByIdentifier(string system, string value, string? display = null) => new()
    {
        Identifier = new Identifier(system, value),
        Display = display,
    };
}
