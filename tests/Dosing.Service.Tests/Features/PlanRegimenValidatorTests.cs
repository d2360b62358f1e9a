using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.Regimens;
using Ivig.Dosing.Tests.Domain;
using Ivig.Dosing.Tests.Fakes;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Tests.Features;

/// <summary>PlanRegimen input checks: every bad field at once, named as in the proto (snake_case).</summary>
public class PlanRegimenValidatorTests
{
    private static readonly DateOnly Today = new(2025, 3, 10);

    private static ValidatedPlanRequest Validate(V1.PlanRegimenRequest request) =>
        PlanRegimenValidator.Validate(request, ShippedCatalogue.Value, new DosingPolicyOptions(), Today);

    private static IReadOnlyList<string> Fields(V1.PlanRegimenRequest request) =>
        Assert.Throws<RequestValidationException>(() => Validate(request)).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void A_good_request_becomes_the_domain_request()
    {
        var id = Guid.NewGuid();

        var valid = Validate(PlanRegimenSetup.Man70Kg(id));

        Assert.Equal(id, valid.AssessmentId);
        Assert.Equal("privigen", valid.Product.Id);
        Assert.Equal(Sex.Male, valid.Request.Sex);
        Assert.Equal(Indication.AcuteRelapse, valid.Request.Indication);
        Assert.Equal(175m, valid.Request.HeightCm);
        Assert.Equal(70m, valid.Request.ActualWeightKg);
        Assert.Equal(DoseRoundingPolicy.Nearest5Grams, valid.Request.Rounding);
        Assert.False(valid.Request.AtRiskCapRequired); // the assessment decides it, later
        Assert.Null(valid.DeliveryDate);
    }

    [Fact]
    public void The_rounding_policy_comes_from_configuration()
    {
        var valid = PlanRegimenValidator.Validate(PlanRegimenSetup.Man70Kg(Guid.NewGuid()), ShippedCatalogue.Value,
            new DosingPolicyOptions { Rounding = DoseRoundingPolicy.WholeVials }, Today);

        Assert.Equal(DoseRoundingPolicy.WholeVials, valid.Request.Rounding);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1.5)]
    [InlineData(0)]
    [InlineData(-70)]
    public void An_implausible_weight_is_weight_kg(double kg)
    {
        var request = PlanRegimenSetup.Man70Kg(Guid.NewGuid());
        request.WeightKg = kg;

        Assert.Equal(["weight_kg"], Fields(request));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void A_non_finite_number_is_refused_not_an_internal_error(double value)
    {
        var request = PlanRegimenSetup.Man70Kg(Guid.NewGuid());
        request.WeightKg = value;
        request.HeightCm = value;

        var ex = Assert.Throws<RequestValidationException>(() => Validate(request));

        Assert.Equal(["height_cm", "weight_kg"], ex.Violations.Select(v => v.Field).Order());
        Assert.All(ex.Violations, v => Assert.Equal("Must be a finite number.", v.Description));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once_with_proto_names()
    {
        var request = new V1.PlanRegimenRequest
        {
            AssessmentId = "not-a-uuid",
            ProductId = "unobtainium",
            HeightCm = 300,
            WeightKg = 500,
            PrePregnancyWeightKg = 1,
        };

        Assert.Equal(
            ["assessment_id", "height_cm", "indication", "pre_pregnancy_weight_kg", "product_id", "sex", "weight_kg"],
            Fields(request).Order());
    }

    [Fact]
    public void An_unknown_product_lists_the_known_ones()
    {
        var request = PlanRegimenSetup.Man70Kg(Guid.NewGuid(), "unobtainium");

        var violation = Assert.Single(Assert.Throws<RequestValidationException>(() => Validate(request)).Violations);

        Assert.Equal("product_id", violation.Field);
        Assert.Contains("privigen", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_assessment_id_is_required()
    {
        var request = PlanRegimenSetup.Man70Kg(Guid.NewGuid());
        request.AssessmentId = "";

        Assert.Equal(["assessment_id"], Fields(request));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.2)]
    public void A_relapse_prevention_dose_outside_0_15_to_1_g_per_kg_is_maintenance_dose_g_per_kg(double dose)
    {
        var request = PlanRegimenSetup.Man70Kg(Guid.NewGuid());
        request.Indication = V1.Indication.RelapsePrevention;
        request.MaintenanceDoseGPerKg = dose;
        request.MaintenanceIntervalWeeks = 8;

        Assert.Equal(["maintenance_dose_g_per_kg", "maintenance_interval_weeks"], Fields(request));
    }

    [Fact]
    public void A_maintenance_dose_on_an_acute_relapse_is_refused()
    {
        var request = PlanRegimenSetup.Man70Kg(Guid.NewGuid());
        request.MaintenanceDoseGPerKg = 0.4;

        Assert.Equal(["maintenance_dose_g_per_kg"], Fields(request));
    }

    [Fact]
    public void Postpartum_needs_a_delivery_date()
    {
        var request = Postpartum("");

        var violation = Assert.Single(Assert.Throws<RequestValidationException>(() => Validate(request)).Violations);

        Assert.Equal("delivery_date", violation.Field);
        Assert.Contains("Required", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10/03/2025")]
    [InlineData("2025-02-30")]
    [InlineData("2025-03-12")] // more than a day in the future
    [InlineData("2024-12-01")] // more than 12 weeks ago: the schedule has ended
    public void A_bad_delivery_date_is_delivery_date(string date) =>
        Assert.Equal(["delivery_date"], Fields(Postpartum(date)));

    [Fact]
    public void A_postpartum_delivery_date_is_kept()
    {
        Assert.Equal(new DateOnly(2025, 3, 8), Validate(Postpartum("2025-03-08")).DeliveryDate);
    }

    [Fact]
    public void A_delivery_date_on_another_indication_is_refused() =>
        Assert.Equal(["delivery_date"], Fields(WithDelivery(PlanRegimenSetup.Man70Kg(Guid.NewGuid()), "2025-03-08")));

    [Fact]
    public void A_pregnant_postpartum_patient_is_pregnant()
    {
        var request = Postpartum("2025-03-08");
        request.Pregnant = true;

        Assert.Equal(["pregnant"], Fields(request));
    }

    [Fact]
    public void Domain_field_names_become_proto_field_names()
    {
        Assert.Equal("weight_kg", PlanRegimenValidator.ProtoField("actualWeightKg"));
        Assert.Equal("height_cm", PlanRegimenValidator.ProtoField("heightCm"));
        Assert.Equal("pre_pregnancy_weight_kg", PlanRegimenValidator.ProtoField("prePregnancyWeightKg"));
        Assert.Equal("maintenance_dose_g_per_kg", PlanRegimenValidator.ProtoField("maintenanceDoseGramsPerKg"));
        Assert.Equal("maintenance_interval_weeks", PlanRegimenValidator.ProtoField("maintenanceIntervalWeeks"));
    }

    private static V1.PlanRegimenRequest Postpartum(string deliveryDate)
    {
        var request = PlanRegimenSetup.Man70Kg(Guid.NewGuid());
        request.Sex = V1.Sex.Female;
        request.HeightCm = 165;
        request.WeightKg = 68;
        request.Indication = V1.Indication.Postpartum;
        return WithDelivery(request, deliveryDate);
    }

    private static V1.PlanRegimenRequest WithDelivery(V1.PlanRegimenRequest request, string deliveryDate)
    {
        request.DeliveryDate = deliveryDate;
        return request;
    }
}
