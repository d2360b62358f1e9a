using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.Regimens;
using Ivig.Dosing.Grpc;
using Ivig.Dosing.Tests.Domain;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Tests.Grpc;

/// <summary>A planned regimen as the contract (and Monitoring) sees it: both rate units, start minutes, days, rules.</summary>
public class RegimenMappingTests
{
    private static readonly DosingPolicyOptions Options = new();
    private static readonly RegimenPlanner Planner = new(Options);

    private static V1.Regimen Map(RegimenRequest request, string productId = "privigen", DateOnly? delivery = null)
    {
        var product = ShippedCatalogue.Get(productId);
        var header = new RegimenHeader(
            Guid.Parse("11111111-1111-1111-1111-111111111111"),
            Guid.Parse("22222222-2222-2222-2222-222222222222"),
            "patient-ref-1",
            new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero),
            new Caller("dr-house", "prescriber"),
            ShippedCatalogue.Value.Version,
            delivery);
        return Planner.Plan(request, product).ToProto(product, header, new DosingRules(Options));
    }

    private static RegimenRequest Man70Kg(bool capped = false) => new()
    {
        Sex = Sex.Male,
        HeightCm = 175m,
        ActualWeightKg = 70m,
        Indication = Indication.AcuteRelapse,
        AtRiskCapRequired = capped,
    };

    [Fact]
    public void The_worked_example_maps_days_with_computed_and_rounded_grams_vials_and_volume()
    {
        // 70 kg, 175 cm man: BMI 22.9 so actual weight; 0.4 g/kg x 70 kg = 28 g, nearest 5 g = 30 g,
        // vials 20 + 10 g (Privigen 5/10/20/40), 30 g at 10% (100 mg/mL) = 300 mL, 5 days = 150 g.
        var regimen = Map(Man70Kg());

        Assert.Equal(V1.Indication.AcuteRelapse, regimen.Indication);
        Assert.Equal(70.0, regimen.DosingWeightKg);
        Assert.Equal(V1.DosingWeightBasis.Actual, regimen.DosingWeightBasis);
        Assert.Contains("BMI 22.9", regimen.DosingWeightExplanation, StringComparison.Ordinal);
        Assert.Equal(0.4, regimen.DoseGPerKgPerDay);
        Assert.Equal(V1.DoseRoundingPolicy.Nearest5Grams, regimen.Rounding);
        Assert.Equal([1, 2, 3, 4, 5], regimen.Days.Select(d => d.Day));
        Assert.All(regimen.Days, d =>
        {
            Assert.Equal((28.0, 30.0, 300.0, 1, ""), (d.ComputedGrams, d.Grams, d.VolumeMl, d.Week, d.Date));
            Assert.Equal([(20.0, 1), (10.0, 1)], d.Vials.Select(v => (v.SizeGrams, v.Count)));
        });
        Assert.Equal(150.0, regimen.TotalGramsPerCourse);
        Assert.Equal(2.0, regimen.TotalGramsPerKgPerCourse);
        Assert.False(regimen.HasRepeatEveryWeeks);
        Assert.Equal("0.4 g/kg/day for 5 consecutive days", regimen.Schedule);
    }

    [Fact]
    public void The_ladder_has_both_units_and_the_minute_each_step_starts()
    {
        // mL/h = mg/kg/min x 70 kg x 60 / 100 mg/mL: 0.5 -> 21, 2 -> 84, 4 -> 168, 8 -> 336.
        var regimen = Map(Man70Kg());

        Assert.Equal(
            [(1, 0.5, 21.0, 0.0, 30.0), (2, 2.0, 84.0, 30.0, 30.0), (3, 4.0, 168.0, 60.0, 30.0), (4, 8.0, 336.0, 90.0, -1.0)],
            regimen.Ladder.Select(s => (s.Step, s.Rate.MgPerKgPerMin, s.Rate.MlPerHour, s.StartsAtMinute, s.HasDurationMinutes ? s.DurationMinutes : -1.0)));
        Assert.All(regimen.Ladder, s => Assert.False(s.ClippedToAtRiskCap));
        // 10.5 + 42 + 84 mL in the first 90 min, the other 163.5 mL at 336 mL/h = 29.2 min: 120 min.
        Assert.Equal(120.0, regimen.EstimatedDurationMinutes);
        Assert.False(regimen.AtRiskCapApplied);
        Assert.Null(regimen.AtRiskCap);
    }

    [Fact]
    public void The_at_risk_cap_lowers_the_top_of_the_ladder_and_is_given_in_both_units()
    {
        // Octagam 10%: 1 -> 2 -> 4 -> 8; the cap 3.3 replaces 4 and the steps above go. 3.3 x 70 x 60 / 100 = 138.6 mL/h.
        var regimen = Map(Man70Kg(capped: true), "octagam-10");

        Assert.Equal([1.0, 2.0, 3.3], regimen.Ladder.Select(s => s.Rate.MgPerKgPerMin));
        Assert.Equal([42.0, 84.0, 138.6], regimen.Ladder.Select(s => s.Rate.MlPerHour));
        Assert.True(regimen.Ladder[^1].ClippedToAtRiskCap);
        Assert.False(regimen.Ladder[^1].HasDurationMinutes);
        Assert.True(regimen.AtRiskCapApplied);
        Assert.Equal((3.3, 138.6), (regimen.AtRiskCap.MgPerKgPerMin, regimen.AtRiskCap.MlPerHour));
    }

    [Fact]
    public void Monitoring_finds_everything_it_needs_in_the_regimen()
    {
        var regimen = Map(Man70Kg(capped: true));

        Assert.Equal(10.0, regimen.Product.ConcentrationPercent);
        Assert.Equal(8.0, regimen.Product.MaxRateMgPerKgPerMin);
        Assert.Equal(2.0, regimen.Product.AtRiskCapMgPerKgPerMin);
        Assert.Equal(70.0, regimen.DosingWeightKg);
        Assert.NotEmpty(regimen.Ladder);
        Assert.Equal("patient-ref-1", regimen.PatientReference);
        Assert.Equal("11111111-1111-1111-1111-111111111111", regimen.RegimenId);
    }

    [Fact]
    public void Premedication_hydration_and_rule_references_are_listed()
    {
        var regimen = Map(Man70Kg());

        Assert.Equal(
            ["acetaminophen (paracetamol) 650–1000 mg PO, 30–60 min before the infusion", "diphenhydramine 25–50 mg PO/IV, 30–60 min before the infusion"],
            regimen.Premedication);
        Assert.Equal(Options.HydrationCheck, regimen.Hydration);
        Assert.Equal(["DOSE-WEIGHT", "DOSE-ACUTE", "DOSE-ROUND", "PRE-PREMED", "PRE-HYDRATION"], regimen.Rules.Select(r => r.RuleId));
        Assert.All(regimen.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Text) || string.IsNullOrWhiteSpace(r.Source)));
    }

    [Fact]
    public void An_adjusted_weight_says_so()
    {
        // 100 kg, 160 cm woman: BMI 39.1 > 30. IBW = 45.5 + 2.3 x (160 x 0.3937 - 60) = 52.4 kg;
        // adjusted = 52.4 + 0.4 x (100 - 52.4) = 71.4 kg; 0.4 g/kg = 28.56 g computed, 30 g given.
        var regimen = Map(new RegimenRequest { Sex = Sex.Female, HeightCm = 160m, ActualWeightKg = 100m, Indication = Indication.AcuteRelapse });

        Assert.Equal(V1.DosingWeightBasis.Adjusted, regimen.DosingWeightBasis);
        Assert.Equal(71.4, regimen.DosingWeightKg);
        Assert.Equal((28.56, 30.0), (regimen.Days[0].ComputedGrams, regimen.Days[0].Grams));
    }

    [Fact]
    public void A_pre_pregnancy_weight_is_its_own_basis()
    {
        var regimen = Map(new RegimenRequest
        {
            Sex = Sex.Female, HeightCm = 165m, ActualWeightKg = 75m, PrePregnancyWeightKg = 62m, Pregnant = true, Indication = Indication.AcuteRelapse,
        });

        Assert.Equal(V1.DosingWeightBasis.PrePregnancy, regimen.DosingWeightBasis);
        Assert.True(regimen.FromPrePregnancyWeight);
        Assert.Equal(62.0, regimen.DosingWeightKg);
    }

    [Fact]
    public void The_postpartum_schedule_is_dated_from_the_delivery()
    {
        // DOSE-POSTPARTUM: 5 days in the first week after delivery (from the day after), then 6 and 12 weeks after delivery.
        var regimen = Map(
            new RegimenRequest { Sex = Sex.Female, HeightCm = 165m, ActualWeightKg = 68m, Indication = Indication.Postpartum },
            delivery: new DateOnly(2025, 3, 8));

        Assert.Equal("2025-03-08", regimen.DeliveryDate);
        Assert.Equal(
            [(1, 1, "2025-03-09"), (2, 1, "2025-03-10"), (3, 1, "2025-03-11"), (4, 1, "2025-03-12"), (5, 1, "2025-03-13"), (6, 6, "2025-04-19"), (7, 12, "2025-05-31")],
            regimen.Days.Select(d => (d.Day, d.Week, d.Date)));
        Assert.Equal(7 * 25.0, regimen.TotalGramsPerCourse); // 68 kg x 0.4 = 27.2 g -> 25 g
    }

    [Fact]
    public void Relapse_prevention_repeats_every_interval()
    {
        var regimen = Map(Man70Kg() with { Indication = Indication.RelapsePrevention, MaintenanceDoseGramsPerKg = 1m, MaintenanceIntervalWeeks = 6 });

        Assert.Equal(6, regimen.RepeatEveryWeeks);
        Assert.Equal(70.0, Assert.Single(regimen.Days).Grams);
    }

    [Fact]
    public void The_product_snapshot_maps_back_to_the_catalogue_product()
    {
        foreach (var product in ShippedCatalogue.Value.Products)
        {
            var back = product.ToProto().ToDomain();

            Assert.Equal(product.ConcentrationPercent, back.ConcentrationPercent);
            Assert.Equal(product.AtRiskCapMgPerKgMin, back.AtRiskCapMgPerKgMin);
            Assert.Equal(product.MaxRateMgPerKgMin, back.MaxRateMgPerKgMin);
            Assert.Equal(product.Ladder, back.Ladder);
            Assert.Equal(product.VialSizesGrams, back.VialSizesGrams);
        }
    }
}
