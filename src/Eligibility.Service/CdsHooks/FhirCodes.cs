using Hl7.Fhir.Model;

namespace Ivig.Eligibility.CdsHooks;

/// <summary>Code systems the prefetch mapping reads (docs/interop.md (CDS Hooks) has the full table).</summary>
internal static class CodeSystems
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Loinc = "http://loinc.org";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Atc = "http://www.whocc.no/atc";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ObservationInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /// <summary>The suite's own code system for what an IVIG order is for (the order's <c>reasonCode</c>).</summary>
    public const string TreatmentPurpose = "https://fhir.ivig-suite.example/CodeSystem/ivig-treatment-purpose";

    /// <summary>
    /// The suite's complex extension on the draft IVIG MedicationRequest carrying order-level facts the
    /// record has no standard place for (DMT feasibility, what was tried for the relapse).
    /// </summary>
    public const string EligibilityContextExtension = "https://fhir.ivig-suite.example/StructureDefinition/ivig-eligibility-context";
}

/// <summary>
/// A set of codes, each exact or (for hierarchical systems such as ICD-10 and ATC) a prefix. SNOMED CT codes
/// are matched exactly: without a terminology server, a descendant concept is not recognized (listed in the docs).
/// </summary>
internal sealed class CodeSet
{
    private readonly List<(string System, string Code, bool Prefix)> _codes = [];

    public CodeSet Exact(string system, params string[] codes)
    {
        _codes.AddRange(codes.Select(c => (system, c, false)));
        return this;
    }

    public CodeSet Prefix(string system, params string[] prefixes)
    {
        _codes.AddRange(prefixes.Select(c => (system, c, true)));
        return this;
    }

    public bool Matches(Coding? coding) =>
        coding?.System is { } system && coding.Code is { } code && _codes.Any(c =>
            string.Equals(c.System, system, StringComparison.Ordinal)
            && (c.Prefix ? code.StartsWith(c.Code, StringComparison.OrdinalIgnoreCase) : string.Equals(c.Code, code, StringComparison.Ordinal)));

    public bool Matches(CodeableConcept? concept) => concept?.Coding.Any(Matches) == true;
}

/// <summary>Codes of the prefetch → facts mapping. "To confirm" codes are listed as such in docs/interop.md (CDS Hooks).</summary>
internal static class FhirCodes
{
    // MS phenotypes (SNOMED CT). ICD-10 G35 carries no phenotype and is not read.
    public static readonly CodeSet Rrms = new CodeSet().Exact(CodeSystems.Snomed, "426373005");
    public static readonly CodeSet Spms = new CodeSet().Exact(CodeSystems.Snomed, "425500002");
    public static readonly CodeSet Ppms = new CodeSet().Exact(CodeSystems.Snomed, "428700003");
    public static readonly CodeSet Cis = new CodeSet().Exact(CodeSystems.Snomed, "445967005");

    // Pregnancy states (SNOMED CT; active conditions only).
    public static readonly CodeSet Pregnancy = new CodeSet().Exact(CodeSystems.Snomed, "77386006");
    public static readonly CodeSet Postpartum = new CodeSet().Exact(CodeSystems.Snomed, "86569001");
    public static readonly CodeSet Breastfeeding = new CodeSet().Exact(CodeSystems.Snomed, "169750002");

    /// <summary>Selective IgA deficiency: recorded, but the rules need the measured serum IgA (see the card note).</summary>
    public static readonly CodeSet IgaDeficiency = new CodeSet()
        .Exact(CodeSystems.Snomed, "29260007")
        .Prefix(CodeSystems.Icd10, "D80.2").Prefix(CodeSystems.Icd10Cm, "D80.2");

    public static readonly CodeSet Diabetes = new CodeSet()
        .Exact(CodeSystems.Snomed, "73211009", "46635009", "44054006")
        .Prefix(CodeSystems.Icd10, "E10", "E11", "E13", "E14")
        .Prefix(CodeSystems.Icd10Cm, "E08", "E09", "E10", "E11", "E13");

    public static readonly CodeSet KidneyDisease = new CodeSet()
        .Exact(CodeSystems.Snomed, "709044004")
        .Prefix(CodeSystems.Icd10, "N18").Prefix(CodeSystems.Icd10Cm, "N18");

    public static readonly CodeSet Migraine = new CodeSet()
        .Exact(CodeSystems.Snomed, "37796009")
        .Prefix(CodeSystems.Icd10, "G43").Prefix(CodeSystems.Icd10Cm, "G43");

    public static readonly CodeSet HereditaryFructoseIntolerance = new CodeSet()
        .Exact(CodeSystems.Snomed, "20052008")
        .Prefix(CodeSystems.Icd10, "E74.1").Prefix(CodeSystems.Icd10Cm, "E74.12");

    public static readonly CodeSet Hyperprolinemia = new CodeSet().Exact(CodeSystems.Snomed, "52385009");

    /// <summary>Prior venous or arterial thrombosis: DVT, PE, other venous thrombosis, MI, ischaemic stroke; history codes.</summary>
    public static readonly CodeSet PriorThrombosis = new CodeSet()
        .Exact(CodeSystems.Snomed, "128053003", "59282003", "22298006", "422504002")
        .Prefix(CodeSystems.Icd10, "I26", "I82", "I21", "I63")
        .Prefix(CodeSystems.Icd10Cm, "I26", "I82", "I21", "I63", "Z86.71", "Z86.73");

    public static readonly CodeSet HypercoagulableCondition = new CodeSet()
        .Exact(CodeSystems.Snomed, "234467004")
        .Prefix(CodeSystems.Icd10, "D68.5", "D68.6").Prefix(CodeSystems.Icd10Cm, "D68.5", "D68.6");

    /// <summary>Monoclonal gammopathy, multiple myeloma.</summary>
    public static readonly CodeSet Paraproteinemia = new CodeSet()
        .Prefix(CodeSystems.Icd10, "D47.2", "C90.0").Prefix(CodeSystems.Icd10Cm, "D47.2", "C90.0");

    public static readonly CodeSet Sepsis = new CodeSet()
        .Exact(CodeSystems.Snomed, "91302008")
        .Prefix(CodeSystems.Icd10, "A40", "A41").Prefix(CodeSystems.Icd10Cm, "A40", "A41", "R65.2");

    public static readonly CodeSet VolumeDepletion = new CodeSet()
        .Exact(CodeSystems.Snomed, "34095006")
        .Prefix(CodeSystems.Icd10, "E86").Prefix(CodeSystems.Icd10Cm, "E86");

    /// <summary>Hypertension, hyperlipidaemia, coronary artery disease.</summary>
    public static readonly CodeSet CardiovascularRiskFactors = new CodeSet()
        .Exact(CodeSystems.Snomed, "38341003", "55822004", "53741008")
        .Prefix(CodeSystems.Icd10, "I10", "I11", "I12", "I13", "I15", "E78", "I25")
        .Prefix(CodeSystems.Icd10Cm, "I10", "I11", "I12", "I13", "I15", "E78", "I25");

    // Observations (LOINC).
    public const string SerumIga = "2458-8";
    public const string AntiIgaAntibodies = "13312-4";
    public const string CreatinineMassPerVolume = "2160-0";
    public const string CreatinineMolesPerVolume = "14682-9";
    public static readonly string[] Egfr = ["33914-3", "62238-1", "98979-8"];
    public const string BodyWeight = "29463-7";
    public const string BodyHeight = "8302-2";

    /// <summary>Every LOINC code the observations prefetch asks for.</summary>
    public static readonly string[] ObservationCodes =
        [SerumIga, AntiIgaAntibodies, CreatinineMassPerVolume, CreatinineMolesPerVolume, .. Egfr, BodyWeight, BodyHeight];

    // Qualitative results (anti-IgA antibodies).
    public static readonly CodeSet PositiveResult = new CodeSet()
        .Exact(CodeSystems.Snomed, "10828004")
        .Exact(CodeSystems.ObservationInterpretation, "POS", "DET", "H", "HH", "A", "AA");

    public static readonly CodeSet NegativeResult = new CodeSet()
        .Exact(CodeSystems.Snomed, "260385009")
        .Exact(CodeSystems.ObservationInterpretation, "NEG", "ND", "N");

    // Allergies.
    /// <summary>Human immunoglobulin: SNOMED CT substance, ATC immunoglobulins normal human for intravascular use.</summary>
    public static readonly CodeSet Immunoglobulin = new CodeSet()
        .Exact(CodeSystems.Snomed, "112133008")
        .Exact(CodeSystems.Atc, "J06BA02");

    /// <summary>"No known allergy", "No known drug allergy" (an explicit statement; an empty list is not one).</summary>
    public static readonly CodeSet NoKnownAllergy = new CodeSet().Exact(CodeSystems.Snomed, "716186003", "409137002");

    public static readonly CodeSet Anaphylaxis = new CodeSet().Exact(CodeSystems.Snomed, "39579001");

    // Medications (ATC, active MedicationRequests).
    /// <summary>Estrogens, progestogen–estrogen combinations, combined hormonal contraceptives.</summary>
    public static readonly CodeSet Estrogens = new CodeSet().Prefix(CodeSystems.Atc, "G03C", "G03F", "G03AA", "G03AB");

    /// <summary>Aminoglycosides, glycopeptides, amphotericin B, NSAIDs, calcineurin inhibitors, platinum compounds.</summary>
    public static readonly CodeSet NephrotoxicDrugs = new CodeSet()
        .Prefix(CodeSystems.Atc, "J01GB", "J01XA", "J02AA01", "M01A", "L04AD", "L01XA");

    /// <summary>What makes a draft MedicationRequest an IVIG order (besides carrying the suite's purpose or extension).</summary>
    public static readonly CodeSet IvigProduct = new CodeSet()
        .Exact(CodeSystems.Atc, "J06BA02")
        .Exact(CodeSystems.Snomed, "112133008");
}
