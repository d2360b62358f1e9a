using System.Globalization;
using Grpc.Net.Client;
using Ivig.Dosing.V1;
using static Ivig.Resilience.BadInput.CallShapes;
using static Ivig.Resilience.BadInput.CaseFactory;
using static Ivig.Resilience.BadInput.MalformedValues;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// Malformed input to every Dosing RPC: plan requests with one broken field (ids, products, undefined enum
/// numbers, impossible body measures, maintenance terms outside DOSE-MAINT, delivery dates), regimen and
/// product ids of nothing, product filters that are not numbers or not stabilizers.
/// </summary>
internal static class DosingCases
{
    public static IEnumerable<BadInputCase> Generate(GrpcChannel channel, BadInputTargets targets)
    {
        var client = new DosingService.DosingServiceClient(channel);
        var descriptor = DosingService.Descriptor;
        var plan = Rpc(descriptor, "PlanRegimen");
        var getRegimen = Rpc(descriptor, "GetRegimen");
        var listProducts = Rpc(descriptor, "ListProducts");
        var getProduct = Rpc(descriptor, "GetProduct");

        Func<Grpc.Core.CallOptions, Task> Plan(Action<PlanRegimenRequest> spoil)
        {
            var request = new PlanRegimenRequest
            {
                AssessmentId = targets.Eligible.AssessmentId,
                ProductId = "privigen",
                Indication = Indication.AcuteRelapse,
                Sex = Sex.Female,
                HeightCm = 165,
                WeightKg = 70,
            };
            spoil(request);
            return Unary(o => client.PlanRegimenAsync(request, o));
        }

        foreach (var (label, value) in NotIds.Append(("empty", "")))
        {
            yield return Invalid(plan, $"assessment id {label}", "assessment_id", Plan(r => r.AssessmentId = value));
            yield return Invalid(getRegimen, label, "regimen_id", Unary(o => client.GetRegimenAsync(new GetRegimenRequest { RegimenId = value }, o)));
        }
        foreach (var (label, value) in NotIds)
        {
            yield return Invalid(listProducts, $"assessment id {label}", "assessment_id",
                Unary(o => client.ListProductsAsync(new ListProductsRequest { AssessmentId = value }, o)));
        }
        yield return Unknown(plan, "unknown assessment", Plan(r => r.AssessmentId = Guid.NewGuid().ToString()));
        yield return Unknown(getRegimen, "unknown regimen", Unary(o => client.GetRegimenAsync(new GetRegimenRequest { RegimenId = Guid.NewGuid().ToString() }, o)));
        yield return Unknown(listProducts, "unknown assessment",
            Unary(o => client.ListProductsAsync(new ListProductsRequest { AssessmentId = Guid.NewGuid().ToString() }, o)));

        var notProducts = new[]
        {
            ("an unknown product", "not-a-product"), ("a zero-width space", "privigen\u200B"), ("a right-to-left override", "\u202Eprivigen"),
            ("a NUL", "privigen\0"), ("an emoji", "privigen\U0001F9EA"), ("combining marks", "pri\u0301vigen"), ("100 KB", Huge(HundredKilobytes)),
        };
        foreach (var (label, value) in notProducts.Append(("empty", "")).Append(("spaces", "   ")))
        {
            yield return Invalid(plan, $"product {label}", "product_id", Plan(r => r.ProductId = value));
        }
        foreach (var (label, value) in new[] { ("empty", ""), ("spaces", "  ") })
        {
            yield return Invalid(getProduct, $"product id {label}", "product_id", Unary(o => client.GetProductAsync(new GetProductRequest { ProductId = value }, o)));
        }
        foreach (var (label, value) in notProducts)
        {
            // Catalogue ids are short slugs: an over-long one is refused as invalid, any other is simply not found.
            yield return value.Length > 64
                ? Invalid(getProduct, $"product id with {label}", "product_id", Unary(o => client.GetProductAsync(new GetProductRequest { ProductId = value }, o)))
                : Unknown(getProduct, $"product id with {label}", Unary(o => client.GetProductAsync(new GetProductRequest { ProductId = value }, o)));
        }

        foreach (var number in UndefinedEnumNumbers.Append(0))
        {
            yield return Invalid(plan, $"indication = {number}", "indication", Plan(r => r.Indication = (Indication)number));
            yield return Invalid(plan, $"sex = {number}", "sex", Plan(r => r.Sex = (Sex)number));
        }

        foreach (var (label, value) in BadMeasures(-165, 0, 39.9, 250.1))
        {
            yield return Invalid(plan, $"height_cm = {label}", "height_cm", Plan(r => r.HeightCm = value));
        }
        foreach (var (label, value) in BadMeasures(-70, 0, 1.9, 400.1))
        {
            yield return Invalid(plan, $"weight_kg = {label}", "weight_kg", Plan(r => r.WeightKg = value));
        }
        foreach (var (label, value) in BadMeasures(0, 401))
        {
            yield return Invalid(plan, $"pre_pregnancy_weight_kg = {label}", "pre_pregnancy_weight_kg", Plan(r => r.PrePregnancyWeightKg = value));
        }

        // DOSE-MAINT: relapse prevention takes a dose and an interval within limits; other indications take neither.
        foreach (var (label, value) in BadMeasures(-0.4, 0, 5))
        {
            yield return Invalid(plan, $"relapse-prevention maintenance dose {label}", "maintenance_dose_g_per_kg",
                Plan(r => (r.Indication, r.MaintenanceDoseGPerKg, r.MaintenanceIntervalWeeks) = (Indication.RelapsePrevention, value, 4)));
        }
        foreach (var (label, value) in BadInts(-4, 0, 53))
        {
            yield return Invalid(plan, $"relapse-prevention maintenance interval {label} weeks", "maintenance_interval_weeks",
                Plan(r => (r.Indication, r.MaintenanceDoseGPerKg, r.MaintenanceIntervalWeeks) = (Indication.RelapsePrevention, 0.4, value)));
        }
        yield return Invalid(plan, "maintenance dose for an acute relapse", "maintenance_dose_g_per_kg", Plan(r => r.MaintenanceDoseGPerKg = 0.4));
        yield return Invalid(plan, "maintenance interval for an acute relapse", "maintenance_interval_weeks", Plan(r => r.MaintenanceIntervalWeeks = 4));

        var recentDelivery = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return Invalid(plan, "delivery date for an acute relapse", "delivery_date", Plan(r => r.DeliveryDate = recentDelivery));
        yield return Invalid(plan, "postpartum without a delivery date", "delivery_date", Plan(r => r.Indication = Indication.Postpartum));
        yield return Invalid(plan, "postpartum and pregnant", "pregnant",
            Plan(r => (r.Indication, r.DeliveryDate, r.Pregnant) = (Indication.Postpartum, recentDelivery, true)));
        var future = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (label, value) in NotDates.Append(("in the future", future)).Append(("a year ago", DateTime.UtcNow.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
        {
            yield return Invalid(plan, $"postpartum delivery date {label}", "delivery_date",
                Plan(r => (r.Indication, r.DeliveryDate) = (Indication.Postpartum, value)));
        }

        foreach (var (label, value) in BadMeasures(-1, -0.001))
        {
            yield return Invalid(listProducts, $"max IgA {label}", "max_iga_micrograms_per_ml",
                Unary(o => client.ListProductsAsync(new ListProductsRequest { MaxIgaMicrogramsPerMl = value }, o)));
        }
        foreach (var (label, value) in new[]
        {
            ("an unknown stabilizer", "sugar"), ("empty", ""), ("a zero-width space", "proline\u200B"), ("a dotted capital I", "PROL\u0130NE"),
            ("an emoji", "\U0001F9EA"), ("a NUL", "proline\0"), ("100 KB", Huge(HundredKilobytes)),
        })
        {
            yield return Invalid(listProducts, $"excluded stabilizer {label}", "excluded_stabilizers[0]",
                Unary(o => client.ListProductsAsync(new ListProductsRequest { ExcludedStabilizers = { value } }, o)));
        }
        yield return Invalid(listProducts, "an unknown stabilizer after a duplicated known one", "excluded_stabilizers[2]",
            Unary(o => client.ListProductsAsync(new ListProductsRequest { ExcludedStabilizers = { "proline", "proline", "sugar" } }, o)));
    }
}
