using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ivig.Testing;

namespace Ivig.EndToEnd;

/// <summary>
/// CDS Hooks 2.0 through the gateway (docs/interop.md (CDS Hooks)): anonymous discovery, the two acceptance
/// patients posted as an EHR would (FHIR R4 in draftOrders and prefetch), a missing prefetch, and access.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class CdsHooksTests(SuiteFixture suite)
{
    private const string OrderSelect = "/cds-services/ivig-eligibility-order-select";
    private const string OrderSign = "/cds-services/ivig-eligibility-order-sign";

    /// <summary>The service's "today" is its local date; the test runs on the same machine.</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private HttpClient Http(string? token = null)
    {
        var http = new HttpClient { BaseAddress = suite.GatewayHttp };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    private static async Task<JsonObject> SingleCardAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        return Assert.Single(cards)!.AsObject();
    }

    [Fact]
    public async Task Discovery_through_the_gateway_lists_the_order_select_and_order_sign_services()
    {
        using var http = Http();

        var response = await http.GetAsync("/cds-services");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["services"]!.AsArray();
        Assert.Equal(["ivig-eligibility-order-select", "ivig-eligibility-order-sign"], services.Select(s => (string)s!["id"]!));
        Assert.Equal(["order-select", "order-sign"], services.Select(s => (string)s!["hook"]!));
        Assert.All(services, s => Assert.Equal("Patient/{{context.patientId}}", (string)s!["prefetch"]!["patient"]!));
    }

    [Fact]
    public async Task An_order_select_for_a_postpartum_RRMS_patient_answers_an_info_card_naming_ELIG_PREG()
    {
        using var http = Http(DevTokens.Mint("ehr-1", ["integration"]));

        var card = await SingleCardAsync(await http.PostAsJsonAsync(OrderSelect, Requests.PostpartumRrms("order-select")));

        Assert.Equal("info", (string)card["indicator"]!);
        var summary = (string)card["summary"]!;
        Assert.Contains("ELIG-PREG", summary, StringComparison.Ordinal);
        Assert.True(summary.Length < 140, summary);
        Assert.StartsWith("IVIG in MS rule catalogue ", (string)card["source"]!["label"]!, StringComparison.Ordinal);
        Assert.Contains("**ELIG-PREG**", (string)card["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_sign_for_an_IgA_deficient_patient_with_antibodies_and_prior_anaphylaxis_answers_a_critical_card()
    {
        using var http = Http(DevTokens.Mint("ehr-1", ["integration"]));

        var card = await SingleCardAsync(await http.PostAsJsonAsync(OrderSign, Requests.IgaDeficientWithAntibodies("order-sign")));

        Assert.Equal("critical", (string)card["indicator"]!);
        var summary = (string)card["summary"]!;
        Assert.Contains("CONTRAINDICATED", summary, StringComparison.Ordinal);
        Assert.Contains("CI-IGA-AB", summary, StringComparison.Ordinal);
        Assert.Contains("CI-HYPERSENS", summary, StringComparison.Ordinal);
        Assert.True(summary.Length < 140, summary);
    }

    [Fact]
    public async Task A_missing_required_prefetch_is_412_and_access_needs_integration_or_prescriber()
    {
        var request = Requests.PostpartumRrms("order-select");
        request["prefetch"]!.AsObject().Remove("conditions");
        using var ehr = Http(DevTokens.Mint("ehr-1", ["integration"]));
        using var anonymous = Http();
        using var nurse = Http(DevTokens.Mint("rn-0007", ["nurse"]));

        var missing = await ehr.PostAsJsonAsync(OrderSelect, request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, missing.StatusCode);
        Assert.Contains("'conditions'", (string)JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(OrderSelect, Requests.PostpartumRrms("order-select"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PostAsJsonAsync(OrderSelect, Requests.PostpartumRrms("order-select"))).StatusCode);
    }

    /// <summary>Real-shaped hook requests: FHIR R4 JSON as an EHR sends it (the same patients as the in-process tests).</summary>
    private static class Requests
    {
        private const string Snomed = "http://snomed.info/sct";
        private const string Loinc = "http://loinc.org";
        private const string Atc = "http://www.whocc.no/atc";
        private const string Purpose = "https://fhir.ivig-suite.example/CodeSystem/ivig-treatment-purpose";
        private const string OrderContext = "https://fhir.ivig-suite.example/StructureDefinition/ivig-eligibility-context";

        private static string Date(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static JsonObject Concept(string system, string code) =>
            new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };

        private static JsonObject Subject(string patientId) => new() { ["reference"] = "Patient/" + patientId };

        private static JsonObject SearchSet(params JsonObject[] resources) => new()
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["entry"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r, ["search"] = new JsonObject { ["mode"] = "match" } })]),
        };

        private static JsonObject Condition(string patientId, string snomed, string? onset = null)
        {
            var condition = new JsonObject
            {
                ["resourceType"] = "Condition",
                ["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
                ["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
                ["code"] = Concept(Snomed, snomed),
                ["subject"] = Subject(patientId),
            };
            if (onset is not null)
            {
                condition["onsetDateTime"] = onset;
            }

            return condition;
        }

        private static JsonObject Observation(string patientId, string loinc, string date, string valueKey, JsonNode value) => new()
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["code"] = Concept(Loinc, loinc),
            ["subject"] = Subject(patientId),
            ["effectiveDateTime"] = date,
            [valueKey] = value,
        };

        private static JsonObject Quantity(double value, string ucum) =>
            new() { ["value"] = value, ["unit"] = ucum, ["system"] = "http://unitsofmeasure.org", ["code"] = ucum };

        private static JsonObject IvigOrder(string patientId, string purpose, params (string Name, string ValueKey, JsonNode Value)[] facts) => new()
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = "ivig-draft-1",
            ["status"] = "draft",
            ["intent"] = "order",
            ["medicationCodeableConcept"] = Concept(Atc, "J06BA02"),
            ["subject"] = Subject(patientId),
            ["reasonCode"] = new JsonArray(Concept(Purpose, purpose)),
            ["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = OrderContext,
                ["extension"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["url"] = f.Name, [f.ValueKey] = f.Value })]),
            }),
        };

        private static JsonObject Request(string hook, string patientId, JsonObject order, JsonObject prefetch)
        {
            var context = new JsonObject
            {
                ["userId"] = "Practitioner/dr-0042",
                ["patientId"] = patientId,
                ["draftOrders"] = new JsonObject
                {
                    ["resourceType"] = "Bundle",
                    ["type"] = "collection",
                    ["entry"] = new JsonArray(new JsonObject { ["resource"] = order }),
                },
            };
            if (hook == "order-select")
            {
                context["selections"] = new JsonArray("MedicationRequest/ivig-draft-1");
            }

            return new JsonObject { ["hookInstance"] = Guid.NewGuid().ToString(), ["hook"] = hook, ["context"] = context, ["prefetch"] = prefetch };
        }

        /// <summary>RRMS, delivered 3 weeks ago, relapse prevention with DMTs not feasible, "no known allergy".</summary>
        public static JsonObject PostpartumRrms(string hook)
        {
            const string id = "e2e-pt-0815";
            return Request(hook, id,
                IvigOrder(id, "relapse-prevention",
                    ("dmtsFeasible", "valueBoolean", false),
                    ("dmtsNotFeasibleReason", "valueString", "postpartum, breastfeeding planned")),
                new JsonObject
                {
                    ["patient"] = new JsonObject { ["resourceType"] = "Patient", ["id"] = id, ["gender"] = "female", ["birthDate"] = "1993-05-20" },
                    ["conditions"] = SearchSet(Condition(id, "426373005", "2019-03-02"), Condition(id, "86569001", Date(21))),
                    ["observations"] = SearchSet(
                        Observation(id, "2160-0", Date(10), "valueQuantity", Quantity(0.7, "mg/dL")),
                        Observation(id, "29463-7", Date(10), "valueQuantity", Quantity(68, "kg"))),
                    ["allergies"] = SearchSet(new JsonObject
                    {
                        ["resourceType"] = "AllergyIntolerance",
                        ["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
                        ["code"] = Concept(Snomed, "716186003"),
                        ["patient"] = Subject(id),
                    }),
                    ["medications"] = null,
                });
        }

        /// <summary>RRMS acute relapse; IgA 4 mg/dL, anti-IgA antibodies positive, prior anaphylaxis to immunoglobulin.</summary>
        public static JsonObject IgaDeficientWithAntibodies(string hook)
        {
            const string id = "e2e-pt-4711";
            return Request(hook, id,
                IvigOrder(id, "acute-relapse",
                    ("corticosteroidsGiven", "valueBoolean", true),
                    ("corticosteroidResponse", "valueCode", "inadequate"),
                    ("plasmaExchange", "valueCode", "unavailable")),
                new JsonObject
                {
                    ["patient"] = new JsonObject { ["resourceType"] = "Patient", ["id"] = id, ["gender"] = "male", ["birthDate"] = "1979-08-30" },
                    ["conditions"] = SearchSet(Condition(id, "426373005", "2015-06-11")),
                    ["observations"] = SearchSet(
                        Observation(id, "2458-8", Date(60), "valueQuantity", Quantity(4, "mg/dL")),
                        Observation(id, "13312-4", Date(60), "valueCodeableConcept", Concept(Snomed, "10828004")),
                        Observation(id, "2160-0", Date(3), "valueQuantity", Quantity(0.9, "mg/dL"))),
                    ["allergies"] = SearchSet(new JsonObject
                    {
                        ["resourceType"] = "AllergyIntolerance",
                        ["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
                        ["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"),
                        ["code"] = Concept(Snomed, "112133008"),
                        ["patient"] = Subject(id),
                        ["reaction"] = new JsonArray(new JsonObject
                        {
                            ["manifestation"] = new JsonArray(Concept(Snomed, "39579001")),
                            ["severity"] = "severe",
                        }),
                    }),
                    ["medications"] = null,
                });
        }
    }
}
