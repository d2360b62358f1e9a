using System.Globalization;
using System.Text;
using Ivig.Dosing.Domain;
using Ivig.ServiceDefaults.Grpc;
using FieldViolation = Ivig.ServiceDefaults.Grpc.FieldViolation;

namespace Ivig.Dosing.Features.Regimens;

/// <summary>
/// Checks a PlanRegimen request before anything else happens (no call to Eligibility, nothing stored) and reports
/// every bad field at once, named as in the proto (snake_case). The domain's own checks (plausible ranges, DOSE-MAINT
/// limits) run here too, so their field names are translated once, in one place.
/// </summary>
public static class PlanRegimenValidator
{
    // Domain field names that do not follow from snake-casing the proto name.
    private static readonly Dictionary<string, string> ProtoFieldOf = new(StringComparer.Ordinal)
    {
        ["actualWeightKg"] = "weight_kg",
        ["maintenanceDoseGramsPerKg"] = "maintenance_dose_g_per_kg",
    };

    /// <exception cref="RequestValidationException">Every invalid field.</exception>
    public static ValidatedPlanRequest Validate(V1.PlanRegimenRequest request, ProductCatalogue catalogue, DosingPolicyOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(options);
        var violations = new List<FieldViolation>();
        void Fail(string field, string description) => violations.Add(new FieldViolation(field, description));

        var assessmentId = Guid.Empty;
        if (string.IsNullOrWhiteSpace(request.AssessmentId))
        {
            Fail("assessment_id", "Required: the id of the patient's eligibility assessment.");
        }
        else if (!Guid.TryParse(request.AssessmentId, out assessmentId))
        {
            Fail("assessment_id", "Must be an assessment id (a UUID) as Eligibility returned it.");
        }

        Domain.Product? product = null;
        if (string.IsNullOrWhiteSpace(request.ProductId))
        {
            Fail("product_id", "Required: a product of the catalogue (ListProducts).");
        }
        else if ((product = catalogue.Find(request.ProductId.Trim())) is null)
        {
            Fail("product_id", $"Unknown product; known: {string.Join(", ", catalogue.Products.Select(p => p.Id))}."); // never echo the value: it may be huge, and error texts reach logs
        }

        var indication = ToDomain(request.Indication);
        if (indication is null)
        {
            Fail("indication", request.Indication == V1.Indication.Unspecified
                ? "Required: ACUTE_RELAPSE, RELAPSE_PREVENTION or POSTPARTUM."
                : $"'{request.Indication}' is not a known indication.");
        }

        var sex = ToDomain(request.Sex);
        if (sex is null)
        {
            Fail("sex", request.Sex == V1.Sex.Unspecified
                ? "Required: MALE or FEMALE (the ideal-body-weight formula needs it)."
                : $"'{request.Sex}' is not a known sex.");
        }

        var height = Number(request.HeightCm, "height_cm");
        var weight = Number(request.WeightKg, "weight_kg");
        var prePregnancy = request.HasPrePregnancyWeightKg ? Number(request.PrePregnancyWeightKg, "pre_pregnancy_weight_kg") : null;
        var maintenanceDose = request.HasMaintenanceDoseGPerKg ? Number(request.MaintenanceDoseGPerKg, "maintenance_dose_g_per_kg") : null;
        var delivery = DeliveryDate(request, indication, today, Fail);

        var domainRequest = new RegimenRequest
        {
            Sex = sex ?? Sex.Female,
            HeightCm = height ?? 0m,
            ActualWeightKg = weight ?? 0m,
            PrePregnancyWeightKg = prePregnancy,
            Pregnant = request.Pregnant,
            Indication = indication ?? Indication.AcuteRelapse,
            MaintenanceDoseGramsPerKg = maintenanceDose,
            MaintenanceIntervalWeeks = request.HasMaintenanceIntervalWeeks ? request.MaintenanceIntervalWeeks : null,
            Rounding = options.Rounding,
        };

        // The domain's checks; with an unknown indication its indication-specific findings would be guesses, so they are left out.
        var indicationSpecific = new[] { "maintenance_dose_g_per_kg", "maintenance_interval_weeks", "pregnant" };
        foreach (var violation in ToProto(RegimenRequestValidator.Validate(domainRequest, options)))
        {
            if (indication is null && indicationSpecific.Contains(violation.Field))
            {
                continue;
            }

            violations.Add(violation);
        }

        // One finding per field: the first is the most basic (a missing or non-numeric value before its range).
        var distinct = violations.DistinctBy(v => v.Field).ToList();
        RequestValidationException.ThrowIfAny(distinct);
        return new ValidatedPlanRequest(assessmentId, product!, domainRequest, delivery);

        decimal? Number(double value, string field)
        {
            // decimal cannot hold NaN, infinities or huge values: refuse them here rather than fail later as Internal.
            if (!double.IsFinite(value) || Math.Abs(value) > 1e9)
            {
                Fail(field, "Must be a finite number.");
                return null;
            }

            return (decimal)value;
        }
    }

    /// <summary>Domain violations with proto field names.</summary>
    public static IReadOnlyList<FieldViolation> ToProto(IEnumerable<Domain.FieldViolation> violations) =>
        [.. violations.Select(v => new FieldViolation(ProtoField(v.Field), v.Description))];

    public static string ProtoField(string domainField) =>
        ProtoFieldOf.TryGetValue(domainField, out var proto) ? proto : SnakeCase(domainField);

    private static DateOnly? DeliveryDate(V1.PlanRegimenRequest request, Indication? indication, DateOnly today, Action<string, string> fail)
    {
        const string field = "delivery_date";
        var text = request.DeliveryDate.Trim();
        if (indication != Indication.Postpartum)
        {
            if (text.Length > 0 && indication is not null)
            {
                fail(field, $"Only a postpartum regimen takes a delivery date; {indication} does not use it.");
            }

            return null;
        }

        if (text.Length == 0)
        {
            fail(field, "Required for a postpartum regimen: the ISO date (yyyy-mm-dd) of delivery; the schedule counts from it (DOSE-POSTPARTUM).");
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var delivery))
        {
            fail(field, "Not an ISO date (yyyy-mm-dd).");
            return null;
        }

        // A day of slack: "today" here is UTC, the caller's may be a day ahead.
        if (delivery > today.AddDays(1))
        {
            fail(field, $"{text} is in the future: a postpartum regimen is planned after delivery.");
            return null;
        }

        var lastWeek = DosingGuideline.PostpartumBoosterWeeks.Max();
        if (delivery.AddDays(7 * lastWeek) < today)
        {
            fail(field, $"{text} is more than {lastWeek} weeks ago: the postpartum schedule (last dose at week {lastWeek}) has ended.");
            return null;
        }

        return delivery;
    }

    private static Indication? ToDomain(V1.Indication indication) => indication switch
    {
        V1.Indication.AcuteRelapse => Indication.AcuteRelapse,
        V1.Indication.RelapsePrevention => Indication.RelapsePrevention,
        V1.Indication.Postpartum => Indication.Postpartum,
        _ => null,
    };

    private static Sex? ToDomain(V1.Sex sex) => sex switch
    {
        V1.Sex.Male => Sex.Male,
        V1.Sex.Female => Sex.Female,
        _ => null,
    };

    private static string SnakeCase(string camel)
    {
        var builder = new StringBuilder(camel.Length + 8);
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
