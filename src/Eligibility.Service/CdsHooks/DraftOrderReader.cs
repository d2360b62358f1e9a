using System.Globalization;
using Hl7.Fhir.Model;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Assessments;

namespace Ivig.Eligibility.CdsHooks;

/// <summary>The IVIG orders among the draft orders, and the order-level facts they carry.</summary>
internal sealed record OrderReading(int IvigOrderCount, PatientFacts OrderFacts, IReadOnlyList<string> Notes);

/// <summary>
/// Finds the draft IVIG MedicationRequests (for <c>order-select</c>, only the selected ones) and reads the
/// suite's convention (docs/interop.md (CDS Hooks), "Order conventions"):
/// <list type="bullet">
/// <item><c>reasonCode</c> from <see cref="CodeSystems.TreatmentPurpose"/>: <c>acute-relapse</c>,
/// <c>relapse-prevention</c> or <c>progression</c>; anything else leaves the purpose unknown;</item>
/// <item>the extension <see cref="CodeSystems.EligibilityContextExtension"/> with sub-extensions for DMT feasibility,
/// corticosteroids, plasma exchange and the planned course total.</item>
/// </list>
/// Several IVIG orders whose values disagree leave that fact unknown.
/// </summary>
internal static class DraftOrderReader
{
    public const string AcuteRelapse = "acute-relapse";
    public const string RelapsePrevention = "relapse-prevention";
    public const string Progression = "progression";

    public const string DmtsFeasible = "dmtsFeasible";
    public const string DmtsNotFeasibleReason = "dmtsNotFeasibleReason";
    public const string CorticosteroidsGiven = "corticosteroidsGiven";
    public const string CorticosteroidResponse = "corticosteroidResponse";
    public const string PlasmaExchange = "plasmaExchange";
    public const string PlasmaExchangeResponse = "plasmaExchangeResponse";
    public const string PlannedCourseTotalGPerKg = "plannedCourseTotalGPerKg";

    public static OrderReading Read(HookRequest request)
    {
        var drafts = request.DraftOrders.Entry.Select(e => e.Resource).OfType<MedicationRequest>().ToList();
        PatientCheck.EnsureSamePatient(drafts, request.PatientId, "context.draftOrders");

        var orders = drafts
            .Where(r => r.Status is not (MedicationRequest.MedicationrequestStatus.Cancelled or MedicationRequest.MedicationrequestStatus.EnteredInError))
            .Where(r => request.Selections.Count == 0 || request.Selections.Contains("MedicationRequest/" + r.Id, StringComparer.Ordinal))
            .Where(IsIvig)
            .ToList();
        var notes = new List<string>();
        if (orders.Count == 0)
        {
            return new OrderReading(0, new PatientFacts(), notes);
        }

        var readings = orders.Select(ReadOne).ToList();
        var facts = new PatientFacts
        {
            Purpose = Agreed(readings.Select(r => r.Purpose), "purpose", notes),
            DmtFeasible = Agreed(readings.Select(r => r.DmtFeasible), DmtsFeasible, notes),
            DmtNotFeasibleReason = readings.Select(r => r.DmtNotFeasibleReason).FirstOrDefault(r => r is not null),
            CorticosteroidsGiven = Agreed(readings.Select(r => r.CorticosteroidsGiven), CorticosteroidsGiven, notes),
            CorticosteroidResponse = Agreed(readings.Select(r => r.CorticosteroidResponse), CorticosteroidResponse, notes),
            PlasmaExchange = Agreed(readings.Select(r => r.PlasmaExchange), PlasmaExchange, notes),
            PlasmaExchangeResponse = Agreed(readings.Select(r => r.PlasmaExchangeResponse), PlasmaExchangeResponse, notes),
            PlannedCourseTotalGPerKg = Agreed(readings.Select(r => r.PlannedCourseTotal), PlannedCourseTotalGPerKg, notes),
        };
        return new OrderReading(orders.Count, facts, notes);
    }

    /// <summary>An IVIG order: an IVIG product code, or the suite's purpose code or extension on it.</summary>
    private static bool IsIvig(MedicationRequest request) =>
        FhirCodes.IvigProduct.Matches(RecordReader.MedicationConcept(request))
        || request.ReasonCode.Any(c => c.Coding.Any(x => x.System == CodeSystems.TreatmentPurpose))
        || request.GetExtension(CodeSystems.EligibilityContextExtension) is not null;

    private sealed record OneOrder(
        TreatmentPurpose? Purpose,
        bool? DmtFeasible,
        string? DmtNotFeasibleReason,
        bool? CorticosteroidsGiven,
        TreatmentResponse? CorticosteroidResponse,
        PlasmaExchangeStatus? PlasmaExchange,
        TreatmentResponse? PlasmaExchangeResponse,
        double? PlannedCourseTotal);

    private static OneOrder ReadOne(MedicationRequest order)
    {
        var purposes = order.ReasonCode.SelectMany(c => c.Coding)
            .Where(c => c.System == CodeSystems.TreatmentPurpose)
            .Select(c => c.Code switch
            {
                AcuteRelapse => TreatmentPurpose.AcuteRelapse,
                RelapsePrevention => TreatmentPurpose.RelapsePrevention,
                Progression => TreatmentPurpose.Progression,
                _ => throw CdsHookException.BadRequest(
                    $"Draft order reasonCode '{c.Code}' is not a code of {CodeSystems.TreatmentPurpose} ({AcuteRelapse}, {RelapsePrevention}, {Progression})."),
            })
            .Distinct()
            .ToList();
        if (purposes.Count > 1)
        {
            throw CdsHookException.BadRequest("A draft IVIG order carries more than one treatment purpose.");
        }

        var context = order.GetExtension(CodeSystems.EligibilityContextExtension);
        var reason = Value<FhirString>(context, DmtsNotFeasibleReason)?.Value?.Trim();
        if (reason?.Length > FactLimits.MaxDmtNotFeasibleReasonLength)
        {
            throw CdsHookException.BadRequest($"{DmtsNotFeasibleReason} may have at most {FactLimits.MaxDmtNotFeasibleReasonLength} characters.");
        }

        var total = Value<FhirDecimal>(context, PlannedCourseTotalGPerKg)?.Value is { } t ? (double)t : (double?)null;
        if (total is not null && !(total > 0 && total <= FactLimits.MaxCourseTotalGPerKg))
        {
            throw CdsHookException.BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"{PlannedCourseTotalGPerKg} must be greater than 0 and at most {FactLimits.MaxCourseTotalGPerKg} g/kg."));
        }

        return new OneOrder(
            purposes.Count == 1 ? purposes[0] : null,
            Value<FhirBoolean>(context, DmtsFeasible)?.Value,
            string.IsNullOrEmpty(reason) ? null : reason,
            Value<FhirBoolean>(context, CorticosteroidsGiven)?.Value,
            Response(Value<Code>(context, CorticosteroidResponse)?.Value, CorticosteroidResponse),
            Value<Code>(context, PlasmaExchange)?.Value switch
            {
                null => null,
                "not-tried" => PlasmaExchangeStatus.NotTried,
                "given" => PlasmaExchangeStatus.Given,
                "contraindicated" => PlasmaExchangeStatus.Contraindicated,
                "unavailable" => PlasmaExchangeStatus.Unavailable,
                var other => throw CdsHookException.BadRequest(
                    $"{PlasmaExchange} '{other}' is not one of not-tried, given, contraindicated, unavailable."),
            },
            Response(Value<Code>(context, PlasmaExchangeResponse)?.Value, PlasmaExchangeResponse),
            total);
    }

    private static TreatmentResponse? Response(string? code, string name) => code switch
    {
        null => null,
        "adequate" => TreatmentResponse.Adequate,
        "inadequate" => TreatmentResponse.Inadequate,
        _ => throw CdsHookException.BadRequest($"{name} '{code}' is not one of adequate, inadequate."),
    };

    /// <summary>A sub-extension's value of the expected type; a wrong type or a repeated sub-extension is refused.</summary>
    private static T? Value<T>(Extension? context, string name)
        where T : DataType
    {
        var matching = context?.Extension.Where(e => e.Url == name).ToList() ?? [];
        return matching.Count switch
        {
            0 => null,
            1 when matching[0].Value is T value => value,
            1 => throw CdsHookException.BadRequest(
                $"Sub-extension '{name}' of {CodeSystems.EligibilityContextExtension} must have a value{typeof(T).Name.Replace("Fhir", "", StringComparison.Ordinal)}."),
            _ => throw CdsHookException.BadRequest($"Sub-extension '{name}' of {CodeSystems.EligibilityContextExtension} is repeated."),
        };
    }

    private static TValue? Agreed<TValue>(IEnumerable<TValue?> values, string name, List<string> notes)
        where TValue : struct
    {
        var known = values.Where(v => v is not null).Distinct().ToList();
        if (known.Count > 1)
        {
            notes.Add($"The draft IVIG orders disagree on {name}: left unknown.");
            return null;
        }

        return known.SingleOrDefault();
    }
}
