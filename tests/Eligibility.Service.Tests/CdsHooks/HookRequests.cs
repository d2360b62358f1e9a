using System.Globalization;
using System.Text.Json.Nodes;

namespace Ivig.Eligibility.Tests.CdsHooks;

/// <summary>
/// Real-shaped CDS Hooks 2.0 requests (order-select / order-sign) as an EHR would send them: FHIR R4 JSON in
/// <c>context.draftOrders</c> and in <c>prefetch</c> (searchset Bundles, a Patient read).
/// </summary>
internal sealed class HookRequests
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Loinc = "http://loinc.org";
    public const string Atc = "http://www.whocc.no/atc";
    public const string Purpose = "https://fhir.ivig-suite.example/CodeSystem/ivig-treatment-purpose";
    public const string ContextExtension = "https://fhir.ivig-suite.example/StructureDefinition/ivig-eligibility-context";

    private readonly List<JsonObject> _conditions = [];
    private readonly List<JsonObject> _observations = [];
    private readonly List<JsonObject> _allergies = [];
    private readonly List<JsonObject> _medications = [];
    private readonly List<JsonObject> _orders = [];

    public HookRequests(string patientId = "pt-0815", string gender = "female", string? birthDate = "1993-05-20")
    {
        PatientId = patientId;
        Patient = new JsonObject { ["resourceType"] = "Patient", ["id"] = patientId, ["gender"] = gender };
        if (birthDate is not null)
        {
            Patient["birthDate"] = birthDate;
        }
    }

    public string PatientId { get; }

    public JsonObject Patient { get; }

    public string Hook { get; set; } = "order-select";

    // Raw resources, for tests of one mapping detail.
    public List<JsonObject> Conditions => _conditions;

    public List<JsonObject> Observations => _observations;

    public List<JsonObject> Allergies => _allergies;

    public List<JsonObject> Medications => _medications;

    public List<JsonObject> Orders => _orders;

    public JsonObject Reference => Subject;

    private JsonObject Subject => new() { ["reference"] = "Patient/" + PatientId };

    public HookRequests Condition(string code, string? onset = null, string clinicalStatus = "active", string system = Snomed)
    {
        var condition = new JsonObject
        {
            ["resourceType"] = "Condition",
            ["id"] = "cond-" + (_conditions.Count + 1),
            ["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", clinicalStatus),
            ["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
            ["code"] = Concept(system, code),
            ["subject"] = Subject,
        };
        if (onset is not null)
        {
            condition["onsetDateTime"] = onset;
        }

        _conditions.Add(condition);
        return this;
    }

    public HookRequests Quantity(string loinc, double value, string unit, string date)
    {
        _observations.Add(Observation(loinc, date, "valueQuantity", new JsonObject
        {
            ["value"] = value, ["unit"] = unit, ["system"] = "http://unitsofmeasure.org", ["code"] = unit,
        }));
        return this;
    }

    /// <summary>Anti-IgA antibodies (LOINC 13312-4) reported positive or negative (SNOMED CT 10828004 / 260385009).</summary>
    public HookRequests AntiIgaAntibodies(bool positive, string date)
    {
        _observations.Add(Observation("13312-4", date, "valueCodeableConcept",
            Concept(Snomed, positive ? "10828004" : "260385009")));
        return this;
    }

    private JsonObject Observation(string loinc, string date, string valueKey, JsonNode value) => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = "obs-" + (_observations.Count + 1),
        ["status"] = "final",
        ["code"] = Concept(Loinc, loinc),
        ["subject"] = Subject,
        ["effectiveDateTime"] = date,
        [valueKey] = value,
    };

    /// <summary>An allergy to human immunoglobulin (SNOMED CT 112133008), with anaphylaxis when severe.</summary>
    public HookRequests ImmunoglobulinAllergy(bool anaphylaxis, string? severity = null)
    {
        var reaction = new JsonObject
        {
            ["manifestation"] = new JsonArray(anaphylaxis ? Concept(Snomed, "39579001") : Concept(Snomed, "126485001")),
        };
        if (severity is not null)
        {
            reaction["severity"] = severity;
        }

        _allergies.Add(new JsonObject
        {
            ["resourceType"] = "AllergyIntolerance",
            ["id"] = "alg-" + (_allergies.Count + 1),
            ["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
            ["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"),
            ["category"] = new JsonArray("medication"),
            ["code"] = Concept(Snomed, "112133008"),
            ["patient"] = Subject,
            ["reaction"] = new JsonArray(reaction),
        });
        return this;
    }

    /// <summary>"No known allergy" (SNOMED CT 716186003), the explicit statement that makes the history known.</summary>
    public HookRequests NoKnownAllergy()
    {
        _allergies.Add(new JsonObject
        {
            ["resourceType"] = "AllergyIntolerance",
            ["id"] = "alg-" + (_allergies.Count + 1),
            ["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
            ["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"),
            ["code"] = Concept(Snomed, "716186003"),
            ["patient"] = Subject,
        });
        return this;
    }

    public HookRequests ActiveMedication(string atc)
    {
        _medications.Add(new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = "med-" + (_medications.Count + 1),
            ["status"] = "active",
            ["intent"] = "order",
            ["medicationCodeableConcept"] = Concept(Atc, atc),
            ["subject"] = Subject,
        });
        return this;
    }

    /// <summary>
    /// A draft IVIG order (ATC J06BA02) with the purpose in reasonCode and order facts in the suite's extension,
    /// each sub-extension given as (name, value key, value), e.g. ("dmtsFeasible", "valueBoolean", false).
    /// </summary>
    public HookRequests IvigOrder(string? purpose, params (string Name, string ValueKey, JsonNode Value)[] orderFacts)
    {
        var order = new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = "ivig-draft-" + (_orders.Count + 1),
            ["status"] = "draft",
            ["intent"] = "order",
            ["medicationCodeableConcept"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject
                {
                    ["system"] = Atc, ["code"] = "J06BA02", ["display"] = "immunoglobulins, normal human, for intravascular adm.",
                }),
                ["text"] = "Immune globulin 10% IV",
            },
            ["subject"] = Subject,
        };
        if (purpose is not null)
        {
            order["reasonCode"] = new JsonArray(Concept(Purpose, purpose));
        }

        if (orderFacts.Length > 0)
        {
            order["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = ContextExtension,
                ["extension"] = new JsonArray([.. orderFacts.Select(f => (JsonNode)new JsonObject { ["url"] = f.Name, [f.ValueKey] = f.Value })]),
            });
        }

        _orders.Add(order);
        return this;
    }

    /// <summary>A draft order that is not IVIG (methylprednisolone, ATC H02AB04).</summary>
    public HookRequests OtherOrder()
    {
        _orders.Add(new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = "other-draft-" + (_orders.Count + 1),
            ["status"] = "draft",
            ["intent"] = "order",
            ["medicationCodeableConcept"] = Concept(Atc, "H02AB04"),
            ["subject"] = Subject,
        });
        return this;
    }

    /// <summary>The request; <paramref name="omit"/> leaves prefetch keys out (as a client that could not satisfy them).</summary>
    public JsonObject Build(params string[] omit)
    {
        var prefetch = new JsonObject
        {
            ["patient"] = Patient.DeepClone(),
            ["conditions"] = SearchSet(_conditions),
            ["observations"] = SearchSet(_observations),
            ["allergies"] = SearchSet(_allergies),
            ["medications"] = SearchSet(_medications),
        };
        foreach (var key in omit)
        {
            prefetch.Remove(key);
        }

        var context = new JsonObject
        {
            ["userId"] = "Practitioner/dr-0042",
            ["patientId"] = PatientId,
            ["encounterId"] = "enc-77",
            ["draftOrders"] = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "collection",
                ["entry"] = new JsonArray([.. _orders.Select(o => (JsonNode)new JsonObject { ["resource"] = o.DeepClone() })]),
            },
        };
        if (Hook == "order-select")
        {
            context["selections"] = new JsonArray([.. _orders.Select(o => (JsonNode)JsonValue.Create("MedicationRequest/" + (string)o["id"]!)!)]);
        }

        return new JsonObject
        {
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["hook"] = Hook,
            ["context"] = context,
            ["prefetch"] = prefetch,
        };
    }

    /// <summary>A searchset Bundle, or null when the search found nothing (CDS Hooks: "no data" is null).</summary>
    private static JsonNode? SearchSet(List<JsonObject> resources) =>
        resources.Count == 0
            ? null
            : new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["type"] = "searchset",
                ["total"] = resources.Count,
                ["entry"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject
                {
                    ["fullUrl"] = "https://ehr.example/fhir/" + (string)r["resourceType"]! + "/" + (string)r["id"]!,
                    ["resource"] = r.DeepClone(),
                    ["search"] = new JsonObject { ["mode"] = "match" },
                })]),
            };

    public static JsonObject Concept(string system, string code) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The two acceptance patients, dated relative to "today".

    /// <summary>RRMS, delivered 3 weeks ago, relapse prevention with DMTs not feasible (breastfeeding planned), no known allergy.</summary>
    public static HookRequests PostpartumRrms(DateOnly today) =>
        new HookRequests()
            .Condition("426373005", onset: "2019-03-02")
            .Condition("86569001", onset: Date(today.AddDays(-21)))
            .Quantity("2160-0", 0.7, "mg/dL", Date(today.AddDays(-10)))
            .Quantity("29463-7", 68, "kg", Date(today.AddDays(-10)))
            .Quantity("8302-2", 168, "cm", Date(today.AddDays(-400)))
            .NoKnownAllergy()
            .IvigOrder("relapse-prevention",
                ("dmtsFeasible", "valueBoolean", false),
                ("dmtsNotFeasibleReason", "valueString", "postpartum, breastfeeding planned"));

    /// <summary>RRMS acute relapse; IgA 4 mg/dL, anti-IgA antibodies positive, prior anaphylaxis to immunoglobulin.</summary>
    public static HookRequests IgaDeficientWithAntibodies(DateOnly today) =>
        new HookRequests("pt-4711", "male", "1979-08-30")
            .Condition("426373005", onset: "2015-06-11")
            .Quantity("2458-8", 4, "mg/dL", Date(today.AddDays(-60)))
            .AntiIgaAntibodies(positive: true, Date(today.AddDays(-60)))
            .Quantity("2160-0", 0.9, "mg/dL", Date(today.AddDays(-3)))
            .ImmunoglobulinAllergy(anaphylaxis: true, severity: "severe")
            .IvigOrder("acute-relapse",
                ("corticosteroidsGiven", "valueBoolean", true),
                ("corticosteroidResponse", "valueCode", "inadequate"),
                ("plasmaExchange", "valueCode", "unavailable"));
}
