using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ivig.Eligibility.Tests.Domain;
using Ivig.Eligibility.Tests.Functional;
using Ivig.Testing;

namespace Ivig.Eligibility.Tests.CdsHooks;

/// <summary>The CDS Hooks 2.0 surface in-process: discovery, cards for real-shaped hook requests, errors and access.</summary>
public sealed class CdsHooksApiTests(EligibilityApiFactory factory) : IClassFixture<EligibilityApiFactory>
{
    private const string OrderSelect = "/cds-services/ivig-eligibility-order-select";
    private const string OrderSign = "/cds-services/ivig-eligibility-order-sign";

    private static readonly DateOnly Today = TestFacts.Today;

    private HttpClient Client(string? token = null)
    {
        var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private HttpClient Ehr => Client(DevTokens.Mint("ehr-1", ["integration"]));

    private static async Task<JsonObject> CardsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonObject SingleCard(JsonObject body) => Assert.Single(body["cards"]!.AsArray())!.AsObject();

    [Fact]
    public async Task Discovery_lists_one_service_per_hook_with_the_prefetch_templates_and_needs_no_token()
    {
        var response = await Client().GetAsync("/cds-services");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["services"]!.AsArray();
        Assert.Equal(["order-select", "order-sign"], services.Select(s => (string)s!["hook"]!));
        Assert.Equal(["ivig-eligibility-order-select", "ivig-eligibility-order-sign"], services.Select(s => (string)s!["id"]!));
        foreach (var service in services)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)service!["description"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)service["title"]));
            var prefetch = service["prefetch"]!.AsObject();
            Assert.Equal("Patient/{{context.patientId}}", (string)prefetch["patient"]!);
            Assert.Equal("Condition?patient={{context.patientId}}", (string)prefetch["conditions"]!);
            Assert.Equal("AllergyIntolerance?patient={{context.patientId}}", (string)prefetch["allergies"]!);
            Assert.Equal("MedicationRequest?patient={{context.patientId}}&status=active", (string)prefetch["medications"]!);
            var observations = (string)prefetch["observations"]!;
            Assert.StartsWith("Observation?patient={{context.patientId}}&code=", observations, StringComparison.Ordinal);
            foreach (var loinc in new[] { "2458-8", "13312-4", "2160-0", "33914-3", "62238-1", "29463-7", "8302-2" })
            {
                Assert.Contains("http://loinc.org|" + loinc, observations, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_postpartum_RRMS_patient_for_relapse_prevention_gets_an_info_card_naming_ELIG_PREG()
    {
        var request = HookRequests.PostpartumRrms(Today).Build();

        var card = SingleCard(await CardsAsync(await Ehr.PostAsJsonAsync(OrderSelect, request)));

        Assert.Equal("info", (string)card["indicator"]!);
        var summary = (string)card["summary"]!;
        Assert.Contains("ELIGIBLE", summary, StringComparison.Ordinal);
        Assert.Contains("ELIG-PREG", summary, StringComparison.Ordinal);
        Assert.True(summary.Length < 140, summary);
        Assert.Equal("IVIG in MS rule catalogue ivig-ms-rules/2026-11", (string)card["source"]!["label"]!);
        Assert.True(Guid.TryParse((string)card["uuid"]!, out _));
        var detail = (string)card["detail"]!;
        Assert.Contains("**ELIG-PREG**", detail, StringComparison.Ordinal);
        Assert.Contains("21 days after delivery", detail, StringComparison.Ordinal);
        Assert.Contains("**ELIG-DMT-NF**", detail, StringComparison.Ordinal);
        Assert.Contains("**PRE-HYDRATION**", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("1993-05-20", detail, StringComparison.Ordinal); // the birth date is used for the age only
    }

    [Fact]
    public async Task An_IgA_deficient_patient_with_anti_IgA_antibodies_and_prior_anaphylaxis_gets_a_critical_card()
    {
        var request = HookRequests.IgaDeficientWithAntibodies(Today);
        request.Hook = "order-sign";

        var card = SingleCard(await CardsAsync(await Ehr.PostAsJsonAsync(OrderSign, request.Build())));

        Assert.Equal("critical", (string)card["indicator"]!);
        var summary = (string)card["summary"]!;
        Assert.StartsWith("IVIG CONTRAINDICATED: ", summary, StringComparison.Ordinal);
        Assert.Contains("CI-HYPERSENS", summary, StringComparison.Ordinal);
        Assert.Contains("CI-IGA-AB", summary, StringComparison.Ordinal);
        Assert.True(summary.Length < 140, summary);
        Assert.Contains("serum IgA 4 mg/dL", (string)card["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prescriber_may_call_the_hook_too()
    {
        var response = await Client(DevTokens.Mint("dr-0042", "prescriber")).PostAsJsonAsync(OrderSelect, HookRequests.PostpartumRrms(Today).Build());

        Assert.Equal("info", (string)SingleCard(await CardsAsync(response))["indicator"]!);
    }

    [Fact]
    public async Task Missing_facts_give_a_warning_card_that_says_where_to_record_them()
    {
        // No allergy statement and no purpose: the record cannot say whether IVIG fits.
        var request = new HookRequests().Condition("426373005").IvigOrder(purpose: null).Build();

        var card = SingleCard(await CardsAsync(await Ehr.PostAsJsonAsync(OrderSelect, request)));

        Assert.Equal("warning", (string)card["indicator"]!);
        Assert.StartsWith("IVIG INSUFFICIENT_DATA: needs ", (string)card["summary"]!, StringComparison.Ordinal);
        var detail = (string)card["detail"]!;
        Assert.Contains("`priorHypersensitivity`", detail, StringComparison.Ordinal);
        Assert.Contains("`purpose`", detail, StringComparison.Ordinal);
        Assert.Contains("ivig-treatment-purpose", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conditions", false)]
    [InlineData("patient", false)]
    [InlineData("conditions", true)]
    public async Task A_required_prefetch_key_that_is_missing_is_412_with_an_explanation(string omitted, bool withFhirServer)
    {
        var request = HookRequests.PostpartumRrms(Today).Build(omitted);
        if (withFhirServer)
        {
            request["fhirServer"] = "https://ehr.example/fhir";
        }

        var response = await Ehr.PostAsJsonAsync(OrderSelect, request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(412, (int)problem["status"]!);
        Assert.Contains($"'{omitted}'", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal([omitted], problem["missingPrefetch"]!.AsArray().Select(k => (string)k!));
    }

    [Fact]
    public async Task A_required_key_holding_an_OperationOutcome_counts_as_missing_but_an_optional_one_is_just_unknown()
    {
        var outcome = new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = "timeout" }),
        };
        var required = HookRequests.PostpartumRrms(Today).Build();
        required["prefetch"]!["conditions"] = outcome.DeepClone();
        var optional = HookRequests.PostpartumRrms(Today).Build();
        optional["prefetch"]!["observations"] = outcome.DeepClone();

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Ehr.PostAsJsonAsync(OrderSelect, required)).StatusCode);
        Assert.Equal("info", (string)SingleCard(await CardsAsync(await Ehr.PostAsJsonAsync(OrderSelect, optional)))["indicator"]!);
    }

    [Fact]
    public async Task Conditions_sent_as_null_are_no_conditions_not_a_missing_key()
    {
        var request = new HookRequests().NoKnownAllergy().IvigOrder("acute-relapse").Build();
        Assert.Null(request["prefetch"]!["conditions"]);

        var card = SingleCard(await CardsAsync(await Ehr.PostAsJsonAsync(OrderSelect, request)));

        // Assessed (not 412); an acute relapse then asks what was tried.
        Assert.Equal("warning", (string)card["indicator"]!);
        Assert.Contains("`corticosteroidsGiven`", (string)card["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_orders_without_IVIG_get_no_cards()
    {
        var request = new HookRequests().Condition("426373005").OtherOrder().Build();

        var body = await CardsAsync(await Ehr.PostAsJsonAsync(OrderSelect, request));

        Assert.Empty(body["cards"]!.AsArray());
    }

    [Fact]
    public async Task Order_select_looks_at_the_selected_orders_only()
    {
        var request = HookRequests.PostpartumRrms(Today).OtherOrder().Build();
        request["context"]!["selections"] = new JsonArray("MedicationRequest/other-draft-2");

        var body = await CardsAsync(await Ehr.PostAsJsonAsync(OrderSelect, request));

        Assert.Empty(body["cards"]!.AsArray());
    }

    [Fact]
    public async Task Bad_input_is_400_and_an_unknown_service_is_404()
    {
        var badJson = new StringContent("{\"hook\": \"order-select\", ", Encoding.UTF8, "application/json");
        var wrongHook = HookRequests.PostpartumRrms(Today).Build();
        var noPatient = HookRequests.PostpartumRrms(Today).Build();
        noPatient["context"]!.AsObject().Remove("patientId");
        var notFhir = HookRequests.PostpartumRrms(Today).Build();
        notFhir["prefetch"]!["patient"]!["gender"] = "unknown-to-fhir";
        var otherPatient = HookRequests.PostpartumRrms(Today).Build();
        otherPatient["prefetch"]!["conditions"]!["entry"]![0]!["resource"]!["subject"]!["reference"] = "Patient/somebody-else";
        var badPurpose = new HookRequests().IvigOrder("slowing-things-down").Build();

        Assert.Equal(HttpStatusCode.BadRequest, (await Ehr.PostAsync(OrderSelect, badJson)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Ehr.PostAsJsonAsync(OrderSign, wrongHook)).StatusCode); // order-select request to order-sign
        Assert.Equal(HttpStatusCode.BadRequest, (await Ehr.PostAsJsonAsync(OrderSelect, noPatient)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Ehr.PostAsJsonAsync(OrderSelect, notFhir)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Ehr.PostAsJsonAsync(OrderSelect, otherPatient)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Ehr.PostAsJsonAsync(OrderSelect, badPurpose)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Ehr.PostAsJsonAsync("/cds-services/no-such-service", wrongHook)).StatusCode);

        var problem = JsonNode.Parse(await (await Ehr.PostAsJsonAsync(OrderSelect, notFhir)).Content.ReadAsStringAsync())!;
        Assert.Contains("prefetch 'patient' is not valid FHIR R4", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hook_needs_a_valid_token_with_role_integration_or_prescriber()
    {
        var request = HookRequests.PostpartumRrms(Today).Build();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client().PostAsJsonAsync(OrderSelect, request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(DevTokens.Mint("ehr-1", ["integration"],
            signingKey: "a-forged-key-that-is-long-enough-to-sign-with!!")).PostAsJsonAsync(OrderSelect, request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(DevTokens.Mint("rn-0007", "nurse")).PostAsJsonAsync(OrderSelect, request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(DevTokens.Mint("ops-1", "ops")).PostAsJsonAsync(OrderSelect, request)).StatusCode);
    }

    [Fact]
    public async Task A_hook_call_stores_and_publishes_nothing()
    {
        var stored = factory.Store.Assessments.Count;
        var published = factory.Events.Published.Count;

        await CardsAsync(await Ehr.PostAsJsonAsync(OrderSelect, HookRequests.PostpartumRrms(Today).Build()));

        Assert.Equal(stored, factory.Store.Assessments.Count);
        Assert.Equal(published, factory.Events.Published.Count);
    }

    [Fact]
    public async Task The_response_has_no_null_or_empty_optional_fields()
    {
        var response = await Ehr.PostAsJsonAsync(OrderSelect, HookRequests.PostpartumRrms(Today).Build());
        var raw = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(raw);

        Assert.Contains("`ivig-ms-rules/2026-11`", raw, StringComparison.Ordinal); // Markdown stays readable in the JSON

        var card = json.RootElement.GetProperty("cards")[0];
        Assert.Equal(["uuid", "summary", "detail", "indicator", "source"], card.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["label"], card.GetProperty("source").EnumerateObject().Select(p => p.Name));
    }
}
