namespace Ivig.Eligibility.Domain;

/// <summary>
/// The facts a caller gives about a patient (catalogue section 1). Every fact is nullable:
/// <c>null</c> means unknown, and unknown is never read as false. Names of unknown facts are reported
/// in camelCase (see <see cref="FactNames"/>).
/// </summary>
public sealed record PatientFacts
{
    // Indication
    public MsPhenotype? Phenotype { get; init; }
    public TreatmentPurpose? Purpose { get; init; }

    // Pregnancy
    public PregnancyState? PregnancyState { get; init; }

    /// <summary>Date of delivery; needed when <see cref="PregnancyState"/> is postpartum.</summary>
    public DateOnly? DeliveryDate { get; init; }

    // Acute relapse: what has been tried
    public bool? CorticosteroidsGiven { get; init; }
    public TreatmentResponse? CorticosteroidResponse { get; init; }
    public PlasmaExchangeStatus? PlasmaExchange { get; init; }

    /// <summary>Response to plasma exchange; needed when <see cref="PlasmaExchange"/> is given.</summary>
    public TreatmentResponse? PlasmaExchangeResponse { get; init; }

    // Relapse prevention
    public bool? DmtFeasible { get; init; }

    /// <summary>Why DMTs are not feasible (contraindicated, not tolerated, pregnancy planned...), free text for the record.</summary>
    public string? DmtNotFeasibleReason { get; init; }

    // Hypersensitivity and IgA
    /// <summary>Serum IgA in mg/dL.</summary>
    public double? SerumIgaMgDl { get; init; }
    public bool? AntiIgaAntibodies { get; init; }

    /// <summary>Prior hypersensitivity to human immunoglobulin.</summary>
    public HypersensitivityHistory? PriorHypersensitivity { get; init; }

    // Kidney
    /// <summary>Serum creatinine in mg/dL.</summary>
    public double? CreatinineMgDl { get; init; }
    public DateOnly? CreatinineMeasuredOn { get; init; }

    /// <summary>eGFR in mL/min/1.73 m².</summary>
    public double? Egfr { get; init; }

    /// <summary>Known kidney disease (pre-existing renal insufficiency).</summary>
    public bool? KidneyDisease { get; init; }
    public bool? Diabetes { get; init; }

    // Other renal risk factors (section 3)
    public bool? VolumeDepletion { get; init; }
    public bool? Sepsis { get; init; }
    public bool? Paraproteinemia { get; init; }
    public bool? NephrotoxicDrugs { get; init; }

    // Thrombosis risk factors (section 3); advanced age comes from AgeYears
    public bool? Immobilization { get; init; }
    public bool? HypercoagulableCondition { get; init; }

    /// <summary>Prior venous or arterial thrombosis.</summary>
    public bool? PriorThrombosis { get; init; }
    public bool? EstrogenUse { get; init; }

    /// <summary>Indwelling central vascular catheter.</summary>
    public bool? CentralVascularCatheter { get; init; }
    public bool? Hyperviscosity { get; init; }
    public bool? CardiovascularRiskFactors { get; init; }

    // Product-related conditions
    public bool? HereditaryFructoseIntolerance { get; init; }
    public bool? Hyperprolinemia { get; init; }
    public bool? MigraineHistory { get; init; }
    public AboGroup? AboGroup { get; init; }

    // Body
    public Sex? Sex { get; init; }
    public int? AgeYears { get; init; }
    public double? HeightCm { get; init; }
    public double? WeightKg { get; init; }
    public double? PrePregnancyWeightKg { get; init; }

    /// <summary>
    /// Planned total of the course in g/kg (PRE-MENINGITIS, PRE-HEMOLYSIS). When not given, the
    /// rules assume the acute-relapse course (DOSE-ACUTE, 2 g/kg) for an acute relapse only and treat it
    /// as unknown for any other purpose.
    /// </summary>
    public double? PlannedCourseTotalGPerKg { get; init; }
}
