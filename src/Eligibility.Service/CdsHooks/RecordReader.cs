using System.Globalization;
using Hl7.Fhir.Model;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Assessments;
using static System.FormattableString;

namespace Ivig.Eligibility.CdsHooks;

/// <summary>Facts read from the patient's record, with notes on what was read with reservations or left out.</summary>
internal sealed record RecordReading(PatientFacts Facts, IReadOnlyList<string> Notes);

/// <summary>
/// Reads the patient facts from the prefetched FHIR resources (Patient, Condition, Observation, AllergyIntolerance,
/// MedicationRequest), following the mapping of docs/interop.md (CDS Hooks). A fact the record does not state
/// stays unknown: an absent condition is never read as "does not have it", and only an explicit statement
/// ("no known allergy") makes a negative fact known. The birth date is used for the age only and kept nowhere.
/// </summary>
internal static class RecordReader
{
    private static readonly string[] ActiveClinicalStatus = ["active", "recurrence", "relapse"];
    private static readonly string[] ExcludedVerificationStatus = ["refuted", "entered-in-error", "unconfirmed", "provisional", "differential"];

    public static RecordReading Read(HookRequest request, DateOnly today)
    {
        var resources = request.Prefetch.Values.SelectMany(Flatten).ToList();
        PatientCheck.EnsureSamePatient(resources, request.PatientId, "prefetch");
        var notes = new List<string>();

        var patient = resources.OfType<Patient>().FirstOrDefault();
        var conditions = resources.OfType<Condition>().Where(Confirmed).ToList();
        var observations = resources.OfType<Observation>()
            .Where(o => o.Status is ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected)
            .ToList();

        var facts = new PatientFacts
        {
            Sex = patient?.Gender switch
            {
                AdministrativeGender.Male => Sex.Male,
                AdministrativeGender.Female => Sex.Female,
                _ => null,
            },
            AgeYears = Age(patient?.BirthDate, today),
            Phenotype = Phenotype(conditions, notes),
            KidneyDisease = Present(conditions, FhirCodes.KidneyDisease, activeOnly: true),
            Diabetes = Present(conditions, FhirCodes.Diabetes, activeOnly: true),
            Paraproteinemia = Present(conditions, FhirCodes.Paraproteinemia, activeOnly: true),
            Sepsis = Present(conditions, FhirCodes.Sepsis, activeOnly: true),
            VolumeDepletion = Present(conditions, FhirCodes.VolumeDepletion, activeOnly: true),
            CardiovascularRiskFactors = Present(conditions, FhirCodes.CardiovascularRiskFactors, activeOnly: true),
            PriorThrombosis = Present(conditions, FhirCodes.PriorThrombosis, activeOnly: false),
            HypercoagulableCondition = Present(conditions, FhirCodes.HypercoagulableCondition, activeOnly: false),
            MigraineHistory = Present(conditions, FhirCodes.Migraine, activeOnly: false),
            HereditaryFructoseIntolerance = Present(conditions, FhirCodes.HereditaryFructoseIntolerance, activeOnly: false),
            Hyperprolinemia = Present(conditions, FhirCodes.Hyperprolinemia, activeOnly: false),
            SerumIgaMgDl = Latest(observations, [FhirCodes.SerumIga], "serum IgA", IgaMgDl, 0, FactLimits.MaxSerumIgaMgDl, notes)?.Value,
            AntiIgaAntibodies = AntiIga(observations),
            Egfr = Latest(observations, FhirCodes.Egfr, "eGFR", EgfrMlPerMin, 0, FactLimits.MaxEgfrMlPerMin, notes)?.Value,
            WeightKg = Latest(observations, [FhirCodes.BodyWeight], "body weight", WeightKg, FactLimits.MinWeightKg, FactLimits.MaxWeightKg, notes)?.Value,
            HeightCm = Latest(observations, [FhirCodes.BodyHeight], "body height", HeightCm, FactLimits.MinHeightCm, FactLimits.MaxHeightCm, notes)?.Value,
            PriorHypersensitivity = Hypersensitivity(resources.OfType<AllergyIntolerance>().ToList(), notes),
        };

        var creatinine = Latest(observations, [FhirCodes.CreatinineMassPerVolume, FhirCodes.CreatinineMolesPerVolume],
            "serum creatinine", CreatinineMgDl, 0, FactLimits.MaxCreatinineMgDl, notes);
        facts = facts with { CreatinineMgDl = creatinine?.Value, CreatinineMeasuredOn = creatinine?.On };
        facts = WithPregnancy(facts, conditions, notes);
        facts = WithMedications(facts, resources.OfType<MedicationRequest>());

        if (facts.SerumIgaMgDl is null && Present(conditions, FhirCodes.IgaDeficiency, activeOnly: false) == true)
        {
            notes.Add("Selective IgA deficiency is on the problem list but no serum IgA result (LOINC 2458-8) was sent: "
                + "PRE-IGA and CI-IGA-AB read the measured value, so they could not apply.");
        }

        return new RecordReading(facts, notes);
    }

    /// <summary>The resources of a prefetch value: the resource itself, or a Bundle's entries; OperationOutcomes are left out.</summary>
    internal static IEnumerable<Resource> Flatten(Resource? resource) => resource switch
    {
        null or OperationOutcome => [],
        Bundle bundle => bundle.Entry.Select(e => e.Resource).Where(r => r is not null and not OperationOutcome).Cast<Resource>(),
        _ => [resource],
    };

    private static int? Age(string? birthDate, DateOnly today)
    {
        // Full dates only: a year or year-month could be a year off near an age threshold.
        if (!DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) || born > today)
        {
            return null;
        }

        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }

    private static bool Confirmed(Condition condition) =>
        condition.VerificationStatus?.Coding.Any(c => ExcludedVerificationStatus.Contains(c.Code)) != true;

    private static bool Active(Condition condition) =>
        condition.ClinicalStatus is not { Coding.Count: > 0 } status || status.Coding.Any(c => ActiveClinicalStatus.Contains(c.Code));

    /// <summary>True when a matching condition is recorded (active only, or ever); never false: absence is unknown.</summary>
    private static bool? Present(List<Condition> conditions, CodeSet codes, bool activeOnly) =>
        conditions.Any(c => codes.Matches(c.Code) && (!activeOnly || Active(c))) ? true : null;

    private static MsPhenotype? Phenotype(List<Condition> conditions, List<string> notes)
    {
        var found = conditions.Where(Active)
            .Select(c => (Phenotype: PhenotypeOf(c), Date: ConditionDate(c)))
            .Where(p => p.Phenotype is not null)
            .ToList();
        var distinct = found.Select(p => p.Phenotype).Distinct().ToList();
        if (distinct.Count <= 1)
        {
            return distinct.SingleOrDefault();
        }

        // RRMS recorded before an SPMS transition, both left active: the latest dated one is current.
        if (found.All(p => p.Date is not null))
        {
            var latest = found.Max(p => p.Date);
            var atLatest = found.Where(p => p.Date == latest).Select(p => p.Phenotype).Distinct().ToList();
            if (atLatest.Count == 1)
            {
                return atLatest[0];
            }
        }

        notes.Add("Several MS phenotypes are active on the problem list and the latest cannot be told: phenotype left unknown.");
        return null;
    }

    private static MsPhenotype? PhenotypeOf(Condition condition) =>
        FhirCodes.Rrms.Matches(condition.Code) ? MsPhenotype.Rrms
        : FhirCodes.Spms.Matches(condition.Code) ? MsPhenotype.Spms
        : FhirCodes.Ppms.Matches(condition.Code) ? MsPhenotype.Ppms
        : FhirCodes.Cis.Matches(condition.Code) ? MsPhenotype.Cis
        : null;

    /// <summary>onset[x] (dateTime, or a period's start), else the recorded date.</summary>
    private static DateOnly? ConditionDate(Condition condition) =>
        condition.Onset switch
        {
            FhirDateTime onset => DatePart(onset.Value),
            Period period => DatePart(period.Start),
            _ => null,
        } ?? DatePart(condition.RecordedDate);

    /// <summary>The calendar date as written in the record (the date part of a FHIR date or dateTime).</summary>
    internal static DateOnly? DatePart(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>
    /// Pregnant, postpartum (delivery date = the postpartum condition's onset) or breastfeeding, from active
    /// conditions. A pregnancy still active beside a later postpartum state is the pregnancy that ended.
    /// </summary>
    private static PatientFacts WithPregnancy(PatientFacts facts, List<Condition> conditions, List<string> notes)
    {
        var active = conditions.Where(Active).ToList();
        var pregnancy = active.Where(c => FhirCodes.Pregnancy.Matches(c.Code)).ToList();
        var postpartum = active.Where(c => FhirCodes.Postpartum.Matches(c.Code)).ToList();
        var breastfeeding = active.Any(c => FhirCodes.Breastfeeding.Matches(c.Code));

        var delivery = postpartum.Select(ConditionDate).Where(d => d is not null).Max();
        if (pregnancy.Count > 0)
        {
            if (postpartum.Count == 0)
            {
                return facts with { PregnancyState = PregnancyState.Pregnant };
            }

            var pregnancyDate = pregnancy.Select(ConditionDate).Max();
            if (delivery is not null && pregnancyDate is not null && pregnancyDate > delivery)
            {
                return facts with { PregnancyState = PregnancyState.Pregnant };
            }

            if (delivery is null)
            {
                notes.Add("Pregnancy and postpartum state are both active and the postpartum state has no onset: pregnancy state left unknown.");
                return facts;
            }
        }

        if (breastfeeding)
        {
            return facts with { PregnancyState = PregnancyState.Breastfeeding, DeliveryDate = delivery };
        }

        return postpartum.Count > 0 ? facts with { PregnancyState = PregnancyState.Postpartum, DeliveryDate = delivery } : facts;
    }

    private sealed record Reading(double Value, DateOnly? On);

    /// <summary>
    /// The most recent final result with one of <paramref name="loincCodes"/> whose unit converts and whose value
    /// is plausible; skipped newer results are noted. Results without a date count as the oldest.
    /// </summary>
    private static Reading? Latest(List<Observation> observations, string[] loincCodes, string what,
        Func<string, double, double?> convert, double min, double max, List<string> notes)
    {
        var candidates = observations
            .Where(o => o.Code?.Coding.Any(c => c.System == CodeSystems.Loinc && loincCodes.Contains(c.Code)) == true)
            .Select(o => (Observation: o, On: ObservationDate(o)))
            .OrderByDescending(o => o.On ?? DateOnly.MinValue)
            .ToList();
        foreach (var (observation, on) in candidates)
        {
            if (observation.Value is not Quantity { Value: { } raw } quantity)
            {
                notes.Add($"A {what} result without a numeric value was skipped.");
                continue;
            }

            var unit = quantity.Code ?? quantity.Unit ?? "";
            if (convert(unit, (double)raw) is not { } value)
            {
                notes.Add($"A {what} result in the unit '{unit}' was skipped (unit not recognized).");
                continue;
            }

            if (!double.IsFinite(value) || value < min || value > max)
            {
                notes.Add(Invariant($"An implausible {what} result ({raw} {unit}) was skipped."));
                continue;
            }

            return new Reading(Math.Round(value, 2), on);
        }

        return null;
    }

    private static DateOnly? ObservationDate(Observation observation) =>
        observation.Effective switch
        {
            FhirDateTime effective => DatePart(effective.Value),
            Period period => DatePart(period.End ?? period.Start),
            Instant instant => instant.Value is { } value ? DateOnly.FromDateTime(value.DateTime) : null,
            _ => null,
        } ?? (observation.Issued is { } issued ? DateOnly.FromDateTime(issued.DateTime) : null);

    private static double? IgaMgDl(string unit, double value) => unit.ToUpperInvariant() switch
    {
        "MG/DL" => value,
        "G/L" => value * 100,
        "MG/L" => value / 10,
        _ => null,
    };

    private static double? CreatinineMgDl(string unit, double value) => unit.ToUpperInvariant() switch
    {
        "MG/DL" => value,
        "UMOL/L" or "µMOL/L" or "ΜMOL/L" => value / 88.42,
        _ => null,
    };

    private static double? EgfrMlPerMin(string unit, double value) =>
        unit.StartsWith("mL/min", StringComparison.OrdinalIgnoreCase) ? value : null;

    private static double? WeightKg(string unit, double value) => unit switch
    {
        "kg" => value,
        "g" => value / 1000,
        "[lb_av]" or "lb" or "lbs" => value * 0.45359237,
        _ => null,
    };

    private static double? HeightCm(string unit, double value) => unit switch
    {
        "cm" => value,
        "m" => value * 100,
        "mm" => value / 10,
        "[in_i]" or "in" => value * 2.54,
        _ => null,
    };

    /// <summary>
    /// Anti-IgA antibodies from the latest result: a boolean value, a positive/negative coded value, or (for a
    /// quantitative result) the laboratory's interpretation; a bare number stays unknown (cut-offs are the laboratory's).
    /// </summary>
    private static bool? AntiIga(List<Observation> observations)
    {
        var latest = observations
            .Where(o => o.Code?.Coding.Any(c => c.System == CodeSystems.Loinc && c.Code == FhirCodes.AntiIgaAntibodies) == true)
            .OrderByDescending(o => ObservationDate(o) ?? DateOnly.MinValue);
        foreach (var observation in latest)
        {
            bool? result = observation.Value switch
            {
                FhirBoolean { Value: { } present } => present,
                CodeableConcept concept when FhirCodes.PositiveResult.Matches(concept) => true,
                CodeableConcept concept when FhirCodes.NegativeResult.Matches(concept) => false,
                _ => observation.Interpretation.Any(FhirCodes.PositiveResult.Matches) ? true
                    : observation.Interpretation.Any(FhirCodes.NegativeResult.Matches) ? false
                    : null,
            };
            if (result is not null)
            {
                return result;
            }
        }

        return null;
    }

    /// <summary>
    /// Prior hypersensitivity to human immunoglobulin from AllergyIntolerance:
    /// <list type="bullet">
    /// <item>an immunoglobulin allergy with high criticality, a severe reaction or anaphylaxis: severe/anaphylaxis;</item>
    /// <item>immunoglobulin allergies whose severity is all known and not severe: non-severe;</item>
    /// <item>an immunoglobulin allergy of unknown severity: unknown (it could be severe);</item>
    /// <item>none, with an explicit "no known (drug) allergy" entry or a refuted immunoglobulin allergy: none;</item>
    /// <item>otherwise unknown: an allergy list without such a statement does not say "never reacted".</item>
    /// </list>
    /// </summary>
    private static HypersensitivityHistory? Hypersensitivity(List<AllergyIntolerance> allergies, List<string> notes)
    {
        static bool Verification(AllergyIntolerance a, string code) => a.VerificationStatus?.Coding.Any(c => c.Code == code) == true;
        static bool IsImmunoglobulin(AllergyIntolerance a) =>
            FhirCodes.Immunoglobulin.Matches(a.Code) || a.Reaction.Any(r => FhirCodes.Immunoglobulin.Matches(r.Substance));

        var recorded = allergies.Where(a => !Verification(a, "entered-in-error")).ToList();
        var immunoglobulin = recorded.Where(a => IsImmunoglobulin(a) && !Verification(a, "refuted")).ToList();
        if (immunoglobulin.Count > 0)
        {
            var severe = immunoglobulin.Any(a =>
                a.Criticality == AllergyIntolerance.AllergyIntoleranceCriticality.High
                || a.Reaction.Any(r => r.Severity == AllergyIntolerance.AllergyIntoleranceSeverity.Severe
                    || r.Manifestation.Any(FhirCodes.Anaphylaxis.Matches)));
            if (severe)
            {
                return HypersensitivityHistory.SevereSystemicOrAnaphylaxis;
            }

            var allKnownNonSevere = immunoglobulin.All(a =>
                a.Criticality == AllergyIntolerance.AllergyIntoleranceCriticality.Low
                || (a.Reaction.Count > 0 && a.Reaction.All(r => r.Severity is not null)));
            if (allKnownNonSevere)
            {
                return HypersensitivityHistory.NonSevere;
            }

            notes.Add("An allergy to immunoglobulin is recorded without its severity (criticality or reaction severity): prior hypersensitivity left unknown.");
            return null;
        }

        var statedNone = recorded.Any(a => FhirCodes.NoKnownAllergy.Matches(a.Code) && !Verification(a, "refuted"))
            || recorded.Any(a => IsImmunoglobulin(a) && Verification(a, "refuted"));
        return statedNone ? HypersensitivityHistory.None : null;
    }

    /// <summary>Estrogen use and nephrotoxic drugs from active medication orders (ATC); present only, never false.</summary>
    private static PatientFacts WithMedications(PatientFacts facts, IEnumerable<MedicationRequest> requests)
    {
        var concepts = requests
            .Where(r => r.Status == MedicationRequest.MedicationrequestStatus.Active)
            .Select(MedicationConcept)
            .Where(c => c is not null)
            .ToList();
        return facts with
        {
            EstrogenUse = concepts.Any(FhirCodes.Estrogens.Matches) ? true : null,
            NephrotoxicDrugs = concepts.Any(FhirCodes.NephrotoxicDrugs.Matches) ? true : null,
        };
    }

    /// <summary>medicationCodeableConcept, or the code of a contained Medication referenced as "#id".</summary>
    internal static CodeableConcept? MedicationConcept(MedicationRequest request) => request.Medication switch
    {
        CodeableConcept concept => concept,
        ResourceReference { Reference: { } reference } when reference.StartsWith('#') =>
            request.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == reference[1..])?.Code,
        _ => null,
    };
}

/// <summary>Refuses resources of another patient: a prefetch or draft order that mixes patients is a client error.</summary>
internal static class PatientCheck
{
    public static void EnsureSamePatient(IEnumerable<Resource> resources, string patientId, string where)
    {
        foreach (var resource in resources)
        {
            var same = resource switch
            {
                Patient patient => patient.Id is null || patient.Id == patientId,
                Condition condition => Refers(condition.Subject, patientId),
                Observation observation => Refers(observation.Subject, patientId),
                AllergyIntolerance allergy => Refers(allergy.Patient, patientId),
                MedicationRequest request => Refers(request.Subject, patientId),
                _ => true,
            };
            if (!same)
            {
                throw CdsHookException.BadRequest(
                    $"The {where} holds a {resource.TypeName} of another patient than context.patientId; nothing was assessed.");
            }
        }
    }

    /// <summary>
    /// Whether a reference names the patient: "Patient/{id}", an absolute URL ending so, or a version of it.
    /// A reference without a Patient/ segment (e.g. urn:uuid) cannot be checked and is accepted.
    /// </summary>
    private static bool Refers(ResourceReference? reference, string patientId)
    {
        if (reference?.Reference is not { } value)
        {
            return true;
        }

        var history = value.IndexOf("/_history/", StringComparison.Ordinal);
        var path = history >= 0 ? value[..history] : value;
        var segment = path.LastIndexOf("Patient/", StringComparison.Ordinal);
        return segment < 0 || path[(segment + "Patient/".Length)..] == patientId;
    }
}
