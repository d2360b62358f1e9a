using Ivig.Dosing.Domain;
using Xunit;

namespace Ivig.Dosing.Tests.Domain;

public class RegimenPlannerTests
{
    private readonly RegimenPlanner _planner = new(new DosingPolicyOptions());

    private static RegimenRequest Female165Cm100Kg(Indication indication) => new()
    {
        Sex = Sex.Female,
        HeightCm = 165m,
        ActualWeightKg = 100m,
        Indication = indication,
    };

    private static RegimenRequest Male175Cm(decimal kg, Indication indication) => new()
    {
        Sex = Sex.Male,
        HeightCm = 175m,
        ActualWeightKg = kg,
        Indication = indication,
    };

    [Fact]
    public void Acute_relapse_is_0_4_g_per_kg_for_5_days_on_the_dosing_weight()
    {
        var regimen = _planner.Plan(Female165Cm100Kg(Indication.AcuteRelapse), ShippedCatalogue.Get("privigen"));

        Assert.Equal(74.1m, regimen.DosingWeight.WeightKg);
        Assert.Equal(DosingWeightBasis.Adjusted, regimen.DosingWeight.Basis);
        Assert.Equal(0.4m, regimen.DoseGramsPerKgPerDay);
        Assert.Equal(29.64m, regimen.ComputedGramsPerDay);
        Assert.Equal(30m, regimen.RoundedGramsPerDay);
        Assert.Equal(5, regimen.Days);
        Assert.Equal(150m, regimen.TotalGramsPerCourse);
        Assert.Equal(2.0m, regimen.TotalGramsPerKgPerCourse);
        Assert.Equal(ScheduleAnchor.FirstInfusion, regimen.Schedule.Anchor);
        Assert.Equal([new DoseBlock(1, 5)], regimen.Schedule.Blocks);
        Assert.Null(regimen.Schedule.RepeatEveryWeeks);
        Assert.Equal(300m, regimen.VolumeMlPerDay);
        Assert.Equal([new VialCount(20m, 1), new VialCount(10m, 1)], regimen.VialsPerDay.Vials);
        Assert.Equal(["DOSE-WEIGHT", "DOSE-ACUTE", "DOSE-ROUND", "PRE-PREMED", "PRE-HYDRATION"], regimen.RuleIds);
        Assert.Empty(regimen.Notes);
    }

    [Fact]
    public void Ladder_lists_start_minutes_rates_and_pump_rates()
    {
        var regimen = _planner.Plan(Female165Cm100Kg(Indication.AcuteRelapse), ShippedCatalogue.Get("privigen"));

        Assert.Equal(
            [
                new LadderStep(0, 30, 0.5m, 22.2m, false),
                new LadderStep(30, 30, 2m, 88.9m, false),
                new LadderStep(60, 30, 4m, 177.8m, false),
                new LadderStep(90, null, 8m, 355.6m, false),
            ],
            regimen.Ladder);
        Assert.False(regimen.AtRiskCap.Required);
        Assert.False(regimen.AtRiskCap.LadderChanged);
    }

    [Fact]
    public void Estimated_duration_gives_the_volume_following_the_ladder()
    {
        // 300 mL: 11.1 + 44.45 + 88.9 mL in 90 min, then 155.55 mL at 355.6 mL/h ≈ 26.2 min: 117 min.
        var regimen = _planner.Plan(Female165Cm100Kg(Indication.AcuteRelapse), ShippedCatalogue.Get("privigen"));

        Assert.Equal(117, regimen.EstimatedInfusionMinutes);
    }

    [Fact]
    public void At_risk_cap_clips_the_ladder_and_holds_at_the_cap()
    {
        var request = Female165Cm100Kg(Indication.AcuteRelapse) with { AtRiskCapRequired = true };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("privigen"));

        Assert.Equal([new LadderStep(0, 30, 0.5m, 22.2m, false), new LadderStep(30, null, 2m, 88.9m, false)], regimen.Ladder);
        Assert.True(regimen.AtRiskCap.Required);
        Assert.True(regimen.AtRiskCap.LadderChanged);
        Assert.Equal(2m, regimen.AtRiskCap.CapMgPerKgMin);
        Assert.Equal(88.9m, regimen.AtRiskCap.CapMlPerHour);
        Assert.Contains("DOSE-CAP", regimen.RuleIds);
        Assert.Equal(225, regimen.EstimatedInfusionMinutes); // 11.1 mL in 30 min, then 288.9 mL at 88.9 mL/h
        Assert.All(regimen.Ladder, s => Assert.True(s.RateMgPerKgMin <= regimen.AtRiskCap.CapMgPerKgMin));
    }

    [Fact]
    public void A_step_above_the_cap_is_lowered_to_the_cap_and_marked()
    {
        // Octagam 10%: 1 → 2 → 4 → 8 with an at-risk cap of 3.3: the 4 step becomes 3.3, held; the 8 step goes.
        var regimen = _planner.Plan(Male175Cm(70m, Indication.AcuteRelapse) with { AtRiskCapRequired = true }, ShippedCatalogue.Get("octagam-10"));

        Assert.Equal(
            [new LadderStep(0, 30, 1m, 42m, false), new LadderStep(30, 30, 2m, 84m, false), new LadderStep(60, null, 3.3m, 138.6m, true)],
            regimen.Ladder);
        Assert.Equal(163, regimen.EstimatedInfusionMinutes);
    }

    [Fact]
    public void Cap_never_binding_leaves_the_ladder_unchanged_but_is_still_listed()
    {
        var product = ShippedCatalogue.Get("privigen") with
        {
            Ladder = [new TitrationStep(0.5m, 30), new TitrationStep(1m, null)],
        };

        var regimen = _planner.Plan(Male175Cm(70m, Indication.AcuteRelapse) with { AtRiskCapRequired = true }, product);

        Assert.Equal(2, regimen.Ladder.Count);
        Assert.False(regimen.AtRiskCap.LadderChanged);
        Assert.Contains("DOSE-CAP", regimen.RuleIds);
    }

    [Fact]
    public void Bivigam_ladder_steps_every_20_minutes_after_the_first_10()
    {
        var regimen = _planner.Plan(Male175Cm(70m, Indication.AcuteRelapse), ShippedCatalogue.Get("bivigam"));

        Assert.Equal([0, 10, 30, 50, 70, 90, 110, 130], regimen.Ladder.Select(s => s.StartMinute));
        Assert.Equal([0.5m, 1.3m, 2.1m, 2.9m, 3.7m, 4.5m, 5.3m, 6m], regimen.Ladder.Select(s => s.RateMgPerKgMin));
    }

    [Fact]
    public void Relapse_prevention_defaults_to_0_4_g_per_kg_every_4_weeks()
    {
        var regimen = _planner.Plan(Male175Cm(70m, Indication.RelapsePrevention), ShippedCatalogue.Get("privigen"));

        Assert.Equal(70m, regimen.DosingWeight.WeightKg);
        Assert.Equal(0.4m, regimen.DoseGramsPerKgPerDay);
        Assert.Equal(28m, regimen.ComputedGramsPerDay);
        Assert.Equal(30m, regimen.RoundedGramsPerDay);
        Assert.Equal(1, regimen.Days);
        Assert.Equal(4, regimen.Schedule.RepeatEveryWeeks);
        Assert.Equal(30m, regimen.TotalGramsPerCourse);
        Assert.Contains("DOSE-MAINT", regimen.RuleIds);
        Assert.DoesNotContain("DOSE-ACUTE", regimen.RuleIds);
    }

    [Fact]
    public void Relapse_prevention_takes_the_prescribers_dose_and_interval()
    {
        var request = Male175Cm(70m, Indication.RelapsePrevention) with { MaintenanceDoseGramsPerKg = 0.15m, MaintenanceIntervalWeeks = 6 };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("gamunex-c"));

        Assert.Equal(10.5m, regimen.ComputedGramsPerDay);
        Assert.Equal(10m, regimen.RoundedGramsPerDay); // 10.5 / 5 = 2.1 → 10 g
        Assert.Equal(6, regimen.Schedule.RepeatEveryWeeks);
    }

    [Theory]
    [InlineData("0.15", 4)]
    [InlineData("1", 6)]
    [InlineData("0.4", 5)]
    public void Relapse_prevention_accepts_the_allowed_range(string gramsPerKg, int weeks)
    {
        var request = Male175Cm(70m, Indication.RelapsePrevention) with
        {
            MaintenanceDoseGramsPerKg = decimal.Parse(gramsPerKg, System.Globalization.CultureInfo.InvariantCulture),
            MaintenanceIntervalWeeks = weeks,
        };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("privigen"));

        Assert.Equal(weeks, regimen.Schedule.RepeatEveryWeeks);
    }

    [Theory]
    [InlineData("0.1", 4, "maintenanceDoseGramsPerKg")]
    [InlineData("1.01", 4, "maintenanceDoseGramsPerKg")]
    [InlineData("2", 4, "maintenanceDoseGramsPerKg")]
    [InlineData("0.4", 3, "maintenanceIntervalWeeks")]
    [InlineData("0.4", 7, "maintenanceIntervalWeeks")]
    public void Relapse_prevention_rejects_doses_and_intervals_outside_the_range(string gramsPerKg, int weeks, string field)
    {
        var request = Male175Cm(70m, Indication.RelapsePrevention) with
        {
            MaintenanceDoseGramsPerKg = decimal.Parse(gramsPerKg, System.Globalization.CultureInfo.InvariantCulture),
            MaintenanceIntervalWeeks = weeks,
        };

        var ex = Assert.Throws<DosingValidationException>(() => _planner.Plan(request, ShippedCatalogue.Get("privigen")));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(field, violation.Field);
        Assert.Contains("DOSE-MAINT", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Maintenance_dose_is_rejected_for_other_indications()
    {
        var request = Male175Cm(70m, Indication.AcuteRelapse) with { MaintenanceDoseGramsPerKg = 0.4m, MaintenanceIntervalWeeks = 4 };

        var ex = Assert.Throws<DosingValidationException>(() => _planner.Plan(request, ShippedCatalogue.Get("privigen")));

        Assert.Equal(["maintenanceDoseGramsPerKg", "maintenanceIntervalWeeks"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Postpartum_is_5_days_in_week_1_then_single_doses_at_weeks_6_and_12()
    {
        var regimen = _planner.Plan(Male175Cm(70m, Indication.Postpartum) with { Sex = Sex.Female }, ShippedCatalogue.Get("privigen"));

        Assert.Equal(ScheduleAnchor.Delivery, regimen.Schedule.Anchor);
        Assert.Equal([new DoseBlock(1, 5), new DoseBlock(6, 1), new DoseBlock(12, 1)], regimen.Schedule.Blocks);
        Assert.Equal(7, regimen.Days);
        Assert.Equal(0.4m, regimen.DoseGramsPerKgPerDay);
        Assert.Equal(2.8m, regimen.TotalGramsPerKgPerCourse);
        Assert.Contains("DOSE-POSTPARTUM", regimen.RuleIds);
        Assert.Contains("weeks 6 and 12", regimen.Schedule.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Postpartum_patient_cannot_be_marked_pregnant()
    {
        var request = Female165Cm100Kg(Indication.Postpartum) with { Pregnant = true };

        var ex = Assert.Throws<DosingValidationException>(() => _planner.Plan(request, ShippedCatalogue.Get("privigen")));

        Assert.Equal("pregnant", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Pregnancy_doses_by_the_pre_pregnancy_weight()
    {
        var request = Female165Cm100Kg(Indication.RelapsePrevention) with { Pregnant = true, ActualWeightKg = 85m, PrePregnancyWeightKg = 70m };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("privigen"));

        Assert.Equal(70m, regimen.DosingWeight.WeightKg);
        Assert.True(regimen.DosingWeight.FromPrePregnancyWeight);
    }

    [Fact]
    public void Pre_pregnancy_weight_given_when_not_pregnant_is_ignored_with_a_note()
    {
        var request = Female165Cm100Kg(Indication.Postpartum) with { ActualWeightKg = 75m, PrePregnancyWeightKg = 65m };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("privigen"));

        Assert.Equal(75m, regimen.DosingWeight.WeightKg);
        Assert.Contains(regimen.Notes, n => n.Contains("pre-pregnancy weight ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Rounding_keeps_the_computed_dose_beside_the_rounded_one()
    {
        // 0.4 × 66.3 kg = 26.52 g → 25 g; 0.4 × 68.8 = 27.52 → 30 g.
        var down = _planner.Plan(Male175Cm(66.3m, Indication.AcuteRelapse), ShippedCatalogue.Get("privigen"));
        var up = _planner.Plan(Male175Cm(68.8m, Indication.AcuteRelapse), ShippedCatalogue.Get("privigen"));

        Assert.Equal((26.52m, 25m), (down.ComputedGramsPerDay, down.RoundedGramsPerDay));
        Assert.Equal((27.52m, 30m), (up.ComputedGramsPerDay, up.RoundedGramsPerDay));
        Assert.Equal(250m, down.VolumeMlPerDay); // volume follows the dose given
    }

    [Fact]
    public void Rounding_to_the_nearest_5_g_rounds_a_half_up()
    {
        var request = Male175Cm(55m, Indication.RelapsePrevention) with { MaintenanceDoseGramsPerKg = 0.5m };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("privigen"));

        Assert.Equal(27.5m, regimen.ComputedGramsPerDay);
        Assert.Equal(30m, regimen.RoundedGramsPerDay);
    }

    [Fact]
    public void Dosing_weight_is_kept_to_a_tenth_of_a_kilogram()
    {
        var regimen = _planner.Plan(Male175Cm(68.75m, Indication.AcuteRelapse), ShippedCatalogue.Get("privigen"));

        Assert.Equal(68.8m, regimen.DosingWeight.WeightKg);
        Assert.Equal(27.52m, regimen.ComputedGramsPerDay);
    }

    [Fact]
    public void Whole_vials_policy_gives_the_vials_chosen_for_the_computed_dose()
    {
        var request = Female165Cm100Kg(Indication.AcuteRelapse) with { Rounding = DoseRoundingPolicy.WholeVials };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("asceniv"));

        Assert.Equal(29.64m, regimen.ComputedGramsPerDay);
        Assert.Equal(30m, regimen.RoundedGramsPerDay);
        Assert.Equal([new VialCount(5m, 6)], regimen.VialsPerDay.Vials);
    }

    [Fact]
    public void No_rounding_gives_the_computed_dose_and_notes_the_part_vial()
    {
        var request = Female165Cm100Kg(Indication.AcuteRelapse) with { Rounding = DoseRoundingPolicy.None };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("privigen"));

        Assert.Equal(29.64m, regimen.RoundedGramsPerDay);
        Assert.Equal(296.4m, regimen.VolumeMlPerDay);
        Assert.Equal(30m, regimen.VialsPerDay.TotalGrams);
        Assert.Contains(regimen.Notes, n => n.Contains("0.36 g is not given", StringComparison.Ordinal));
    }

    [Fact]
    public void Vials_above_the_rounded_dose_are_noted()
    {
        // Every shipped product reaches multiples of 5 g exactly, so a product with 20 g vials only: 30 g needs 2 vials, 40 g.
        var product = ShippedCatalogue.Get("privigen") with { VialSizesGrams = [20m] };

        var regimen = _planner.Plan(Male175Cm(70m, Indication.AcuteRelapse), product);

        Assert.Equal(30m, regimen.RoundedGramsPerDay);
        Assert.Equal(40m, regimen.VialsPerDay.TotalGrams);
        Assert.Contains(regimen.Notes, n => n.Contains("10 g is not given", StringComparison.Ordinal));
    }

    [Fact]
    public void Never_more_than_1_g_per_kg_in_one_day_even_when_rounding_up()
    {
        // 1 g/kg × 63 kg = 63 g; the nearest 5 g is 65 g, above the ceiling: 60 g.
        var request = Male175Cm(63m, Indication.RelapsePrevention) with { MaintenanceDoseGramsPerKg = 1m };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("privigen"));

        Assert.Equal(63m, regimen.ComputedGramsPerDay);
        Assert.Equal(60m, regimen.RoundedGramsPerDay);
        Assert.True(regimen.RoundedGramsPerDay <= regimen.DosingWeight.WeightKg);
        Assert.Contains("DOSE-ACUTE", regimen.RuleIds);
        Assert.Contains(regimen.Notes, n => n.Contains("1 g/kg", StringComparison.Ordinal));
    }

    [Fact]
    public void Never_more_than_1_g_per_kg_in_one_day_with_whole_vials()
    {
        // 1 g/kg × 63 kg with 5/10/20/40 g vials: the smallest sum above is 65 g, above the ceiling: 60 g of whole vials.
        var request = Male175Cm(63m, Indication.RelapsePrevention) with { MaintenanceDoseGramsPerKg = 1m, Rounding = DoseRoundingPolicy.WholeVials };

        var regimen = _planner.Plan(request, ShippedCatalogue.Get("privigen"));

        Assert.Equal(60m, regimen.RoundedGramsPerDay);
        Assert.Equal(60m, regimen.VialsPerDay.TotalGrams);
    }

    [Theory]
    [InlineData(DoseRoundingPolicy.Nearest5Grams)]
    [InlineData(DoseRoundingPolicy.WholeVials)]
    [InlineData(DoseRoundingPolicy.None)]
    public void Daily_dose_never_exceeds_1_g_per_kg_for_any_weight(DoseRoundingPolicy rounding)
    {
        foreach (var product in ShippedCatalogue.Value.Products)
        {
            for (var kg = 40m; kg <= 160m; kg += 0.7m)
            {
                var request = Male175Cm(kg, Indication.RelapsePrevention) with { MaintenanceDoseGramsPerKg = 1m, Rounding = rounding };

                var regimen = _planner.Plan(request, product);

                Assert.True(
                    regimen.RoundedGramsPerDay <= regimen.DosingWeight.WeightKg,
                    $"{product.Id} {kg} kg {rounding}: {regimen.RoundedGramsPerDay} g for {regimen.DosingWeight.WeightKg} kg");
                Assert.True(regimen.RoundedGramsPerDay > 0);
            }
        }
    }

    [Fact]
    public void Premedication_and_hydration_come_from_the_options()
    {
        var options = new DosingPolicyOptions { PremedicationMinMinutesBefore = 45, HydrationCheck = "Local hydration protocol." };
        options.Acetaminophen.MaxDoseMg = 650m;

        var regimen = new RegimenPlanner(options).Plan(Male175Cm(70m, Indication.AcuteRelapse), ShippedCatalogue.Get("privigen"));

        Assert.Equal(2, regimen.Premedication.Count);
        Assert.Equal("acetaminophen (paracetamol) 650–650 mg PO, 45–60 min before the infusion", regimen.Premedication[0].Text);
        Assert.Equal("PRE-PREMED", regimen.Premedication[1].RuleId);
        Assert.Equal("Local hydration protocol.", regimen.HydrationCheck);
    }

    [Fact]
    public void Default_premedication_is_the_catalogue_text()
    {
        var regimen = _planner.Plan(Male175Cm(70m, Indication.AcuteRelapse), ShippedCatalogue.Get("privigen"));

        Assert.Equal(
            [
                "acetaminophen (paracetamol) 650–1000 mg PO, 30–60 min before the infusion",
                "diphenhydramine 25–50 mg PO/IV, 30–60 min before the infusion",
            ],
            regimen.Premedication.Select(p => p.Text));
    }

    [Fact]
    public void Weight_policy_comes_from_the_options()
    {
        var planner = new RegimenPlanner(new DosingPolicyOptions { WeightPolicy = DosingWeightPolicy.Actual });

        var regimen = planner.Plan(Female165Cm100Kg(Indication.AcuteRelapse), ShippedCatalogue.Get("privigen"));

        Assert.Equal(100m, regimen.DosingWeight.WeightKg);
        Assert.Equal(40m, regimen.RoundedGramsPerDay);
    }

    [Fact]
    public void Implausible_height_and_weights_are_all_reported()
    {
        var request = Female165Cm100Kg(Indication.AcuteRelapse) with
        {
            HeightCm = 20m,
            ActualWeightKg = 500m,
            PrePregnancyWeightKg = 1m,
            Pregnant = true,
        };

        var ex = Assert.Throws<DosingValidationException>(() => _planner.Plan(request, ShippedCatalogue.Get("privigen")));

        Assert.Equal(["heightCm", "actualWeightKg", "prePregnancyWeightKg"], ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Every_shipped_product_plans_every_indication()
    {
        foreach (var product in ShippedCatalogue.Value.Products)
        {
            foreach (var indication in Enum.GetValues<Indication>())
            {
                foreach (var capped in new[] { false, true })
                {
                    var regimen = _planner.Plan(Female165Cm100Kg(indication) with { AtRiskCapRequired = capped }, product);

                    Assert.Equal(0, regimen.Ladder[0].StartMinute);
                    Assert.Null(regimen.Ladder[^1].Minutes);
                    Assert.InRange(regimen.EstimatedInfusionMinutes, 1, 24 * 60);
                    Assert.True(regimen.VialsPerDay.TotalGrams >= regimen.RoundedGramsPerDay);
                    Assert.All(regimen.Ladder, s => Assert.True(s.RateMgPerKgMin <= (capped ? product.AtRiskCapMgPerKgMin : product.MaxRateMgPerKgMin)));
                }
            }
        }
    }
}
