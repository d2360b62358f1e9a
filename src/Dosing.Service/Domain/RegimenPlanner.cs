namespace Ivig.Dosing.Domain;

/// <summary>Plans a regimen: DOSE-WEIGHT, then DOSE-ACUTE / DOSE-MAINT / DOSE-POSTPARTUM, DOSE-ROUND and DOSE-CAP.</summary>
public sealed class RegimenPlanner(DosingPolicyOptions options)
{
    private readonly DosingPolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <exception cref="DosingValidationException">An input is implausible or outside what the rule allows.</exception>
    public Regimen Plan(RegimenRequest request, Product product)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(product);
        var violations = RegimenRequestValidator.Validate(request, _options);
        if (violations.Count > 0)
        {
            throw new DosingValidationException(violations);
        }

        var notes = new List<string>();
        var rules = new List<string> { RuleIds.DoseWeight };
        var weight = DosingWeightCalculator.Calculate(
            new DosingWeightInput(request.Sex, request.HeightCm, request.ActualWeightKg, request.PrePregnancyWeightKg, request.Pregnant),
            _options.WeightPolicy);
        if (request.PrePregnancyWeightKg is not null && !request.Pregnant)
        {
            notes.Add("pre-pregnancy weight ignored: DOSE-WEIGHT uses it only during pregnancy");
        }

        var (indicationRule, gramsPerKg, schedule) = DoseFor(request);
        rules.Add(indicationRule);

        var kg = weight.WeightKg;
        var computed = kg * gramsPerKg;
        // DOSE-ACUTE [guideline: Ontario]: never more than 1 g/kg in one day, whatever the indication or rounding.
        var ceiling = kg * DosingGuideline.MaxGramsPerKgPerDay;
        if (computed > ceiling)
        {
            throw new InvalidOperationException("a dose above 1 g/kg/day passed validation");
        }

        var (rounded, vials, ceilingApplied) = Round(request.Rounding, computed, ceiling, product, notes);
        rules.Add(RuleIds.DoseRound);
        if (ceilingApplied && indicationRule != RuleIds.DoseAcute)
        {
            rules.Add(RuleIds.DoseAcute);
        }

        if (vials.TotalGrams > rounded)
        {
            notes.Add(Text.Invariant($"vials give {vials.TotalGrams} g for a {rounded} g dose: {vials.TotalGrams - rounded} g is not given"));
        }

        var (ladder, cap) = BuildLadder(product, kg, request.AtRiskCapRequired);
        if (cap.Required)
        {
            rules.Add(RuleIds.DoseCap);
        }

        var volume = InfusionMath.VolumeMl(rounded, product.ConcentrationPercent);
        rules.Add(RuleIds.PrePremed);
        rules.Add(RuleIds.PreHydration);
        var days = schedule.InfusionDays;

        return new Regimen
        {
            ProductId = product.Id,
            ProductName = product.Name,
            Indication = request.Indication,
            DosingWeight = weight,
            DoseGramsPerKgPerDay = gramsPerKg,
            ComputedGramsPerDay = computed,
            RoundedGramsPerDay = rounded,
            Rounding = request.Rounding,
            VialsPerDay = vials,
            VolumeMlPerDay = volume,
            Days = days,
            TotalGramsPerCourse = rounded * days,
            TotalGramsPerKgPerCourse = gramsPerKg * days,
            Schedule = schedule,
            Ladder = ladder,
            AtRiskCap = cap,
            EstimatedInfusionMinutes = InfusionMath.EstimateDurationMinutes(ladder, volume),
            Premedication = Premedication.FromOptions(_options),
            HydrationCheck = _options.HydrationCheck,
            RuleIds = rules,
            Notes = notes,
        };
    }

    private static (string Rule, decimal GramsPerKg, DoseSchedule Schedule) DoseFor(RegimenRequest request)
    {
        switch (request.Indication)
        {
            case Indication.AcuteRelapse:
                return (
                    RuleIds.DoseAcute,
                    DosingGuideline.AcuteGramsPerKgPerDay,
                    new DoseSchedule(
                        ScheduleAnchor.FirstInfusion,
                        [new DoseBlock(1, DosingGuideline.AcuteDays)],
                        null,
                        Text.Invariant($"{DosingGuideline.AcuteGramsPerKgPerDay} g/kg/day for {DosingGuideline.AcuteDays} consecutive days")));
            case Indication.RelapsePrevention:
                var dose = request.MaintenanceDoseGramsPerKg ?? DosingGuideline.MaintenanceDefaultGramsPerKg;
                var weeks = request.MaintenanceIntervalWeeks ?? DosingGuideline.MaintenanceDefaultIntervalWeeks;
                return (
                    RuleIds.DoseMaint,
                    dose,
                    new DoseSchedule(
                        ScheduleAnchor.FirstInfusion,
                        [new DoseBlock(1, 1)],
                        weeks,
                        Text.Invariant($"{dose} g/kg once every {weeks} weeks")));
            case Indication.Postpartum:
                var boosters = DosingGuideline.PostpartumBoosterWeeks;
                return (
                    RuleIds.DosePostpartum,
                    DosingGuideline.PostpartumGramsPerKgPerDay,
                    new DoseSchedule(
                        ScheduleAnchor.Delivery,
                        [new DoseBlock(1, DosingGuideline.PostpartumFirstWeekDays), .. boosters.Select(w => new DoseBlock(w, 1))],
                        null,
                        Text.Invariant(
                            $"{DosingGuideline.PostpartumGramsPerKgPerDay} g/kg/day for {DosingGuideline.PostpartumFirstWeekDays} days in the first week after delivery, then a single {DosingGuideline.PostpartumGramsPerKgPerDay} g/kg dose at weeks {string.Join(" and ", boosters)}")));
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Indication, "unknown indication");
        }
    }

    /// <summary>DOSE-ROUND, never crossing the daily ceiling.</summary>
    private static (decimal Rounded, VialSelection Vials, bool CeilingApplied) Round(
        DoseRoundingPolicy policy, decimal computed, decimal ceiling, Product product, List<string> notes)
    {
        var vialSizes = product.VialSizesGrams;
        switch (policy)
        {
            case DoseRoundingPolicy.Nearest5Grams:
            {
                var increment = DosingGuideline.RoundingIncrementGrams;
                var rounded = Math.Round(computed / increment, MidpointRounding.AwayFromZero) * increment;
                var ceilingApplied = false;
                if (rounded > ceiling)
                {
                    rounded = Math.Floor(ceiling / increment) * increment;
                    ceilingApplied = true;
                    notes.Add(Text.Invariant($"rounded down to {rounded} g: the nearest {increment} g would exceed 1 g/kg in one day ({ceiling} g)"));
                }

                if (rounded <= 0)
                {
                    rounded = computed;
                    notes.Add(Text.Invariant($"the computed {computed} g rounds to 0 g at {increment} g steps: the computed dose is kept"));
                }

                return (rounded, VialSelector.Select(rounded, vialSizes), ceilingApplied);
            }

            case DoseRoundingPolicy.WholeVials:
            {
                var vials = VialSelector.Select(computed, vialSizes);
                if (vials.TotalGrams <= ceiling)
                {
                    return (vials.TotalGrams, vials, false);
                }

                if (VialSelector.SelectNotAbove(ceiling, vialSizes) is { } below)
                {
                    notes.Add(Text.Invariant($"whole vials above the dose ({vials.TotalGrams} g) would exceed 1 g/kg in one day ({ceiling} g): {below.TotalGrams} g of whole vials given instead"));
                    return (below.TotalGrams, below, true);
                }

                notes.Add(Text.Invariant($"no whole-vial sum fits under 1 g/kg in one day ({ceiling} g): the computed {computed} g is given from part of a vial"));
                return (computed, vials, true);
            }

            case DoseRoundingPolicy.None:
                return (computed, VialSelector.Select(computed, vialSizes), false);
            default:
                throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown rounding policy");
        }
    }

    /// <summary>The product's ladder for this patient; with DOSE-CAP, the first step at or above the cap becomes the cap, held, and later steps go.</summary>
    private static (IReadOnlyList<LadderStep> Ladder, AtRiskCap Cap) BuildLadder(Product product, decimal kg, bool capRequired)
    {
        var cap = product.AtRiskCapMgPerKgMin;
        var steps = new List<LadderStep>();
        var start = 0;
        var changed = false;
        for (var i = 0; i < product.Ladder.Count; i++)
        {
            var step = product.Ladder[i];
            if (capRequired && step.RateMgPerKgMin >= cap)
            {
                var clipped = step.RateMgPerKgMin > cap;
                changed = clipped || i < product.Ladder.Count - 1;
                steps.Add(new LadderStep(start, null, cap, MlPerHour(cap), clipped));
                break;
            }

            steps.Add(new LadderStep(start, step.Minutes, step.RateMgPerKgMin, MlPerHour(step.RateMgPerKgMin), false));
            start += step.Minutes ?? 0;
        }

        return (steps, new AtRiskCap(capRequired, cap, MlPerHour(cap), changed));

        decimal MlPerHour(decimal rate) => InfusionMath.MlPerHour(rate, kg, product.ConcentrationPercent);
    }
}
