namespace Ivig.Dosing.Domain;

/// <summary>DOSE-WEIGHT [guideline: Ontario IG dose calculator; Australian NBA BloodSTAR uses the same formulas].</summary>
public static class DosingWeightCalculator
{
    /// <summary>Devine: 50 kg (male) or 45.5 kg (female) + 2.3 kg per inch over 60 inches; not extrapolated below 60 inches.</summary>
    public static decimal IdealBodyWeightKg(Sex sex, decimal heightCm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heightCm);
        var baseKg = sex == Sex.Male ? DosingGuideline.IbwBaseMaleKg : DosingGuideline.IbwBaseFemaleKg;
        var inchesOver60 = Math.Max(0m, (heightCm * DosingGuideline.InchesPerCm) - DosingGuideline.IbwBaseHeightInches);
        return baseKg + (DosingGuideline.IbwKgPerInchOver60 * inchesOver60);
    }

    /// <summary>IBW + 0.4 × (actual − IBW), never above the actual weight.</summary>
    public static decimal AdjustedBodyWeightKg(decimal idealBodyWeightKg, decimal actualWeightKg)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(idealBodyWeightKg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(actualWeightKg);
        var adjusted = idealBodyWeightKg + (DosingGuideline.AdjustedWeightFactor * (actualWeightKg - idealBodyWeightKg));
        return Math.Min(adjusted, actualWeightKg);
    }

    public static decimal BodyMassIndex(decimal weightKg, decimal heightCm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightKg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heightCm);
        var metres = heightCm / 100m;
        return weightKg / (metres * metres);
    }

    public static DosingWeight Calculate(DosingWeightInput input, DosingWeightPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fromPrePregnancy = input.Pregnant && input.PrePregnancyWeightKg is not null;
        var reference = fromPrePregnancy ? input.PrePregnancyWeightKg!.Value : input.ActualWeightKg;
        var ibw = IdealBodyWeightKg(input.Sex, input.HeightCm);
        var adjusted = AdjustedBodyWeightKg(ibw, reference);
        var bmi = BodyMassIndex(reference, input.HeightCm);

        var (useAdjusted, why) = Choose(input, policy, reference, bmi);
        var used = useAdjusted ? adjusted : reference;
        var weightText = fromPrePregnancy ? "pre-pregnancy weight" : "actual weight";
        var explanation = useAdjusted
            ? Text.Invariant($"adjusted body weight {Kg(adjusted)} kg (IBW {Kg(ibw)} kg + 0.4 × ({weightText} {Kg(reference)} kg − IBW)): {why}")
            : Text.Invariant($"{weightText} {Kg(reference)} kg: {why}");
        if (fromPrePregnancy)
        {
            explanation += "; pregnant, so the pre-pregnancy weight is used";
        }
        else if (input.Pregnant)
        {
            explanation += "; pregnant but no pre-pregnancy weight given, so the current weight is used";
        }

        return new DosingWeight(
            WeightKg: Kg(used),
            Basis: useAdjusted ? DosingWeightBasis.Adjusted : DosingWeightBasis.Actual,
            FromPrePregnancyWeight: fromPrePregnancy,
            ReferenceWeightKg: Kg(reference),
            IdealBodyWeightKg: Kg(ibw),
            AdjustedBodyWeightKg: Kg(adjusted),
            BodyMassIndex: Math.Round(bmi, 1, MidpointRounding.AwayFromZero),
            Policy: policy,
            Explanation: explanation);
    }

    private static (bool UseAdjusted, string Why) Choose(DosingWeightInput input, DosingWeightPolicy policy, decimal reference, decimal bmi)
    {
        var bmiText = Text.Invariant($"BMI {Math.Round(bmi, 1, MidpointRounding.AwayFromZero)}");
        var bmiOver30 = bmi > DosingGuideline.AdjustedWeightMandatoryAboveBmi;
        switch (policy)
        {
            case DosingWeightPolicy.Actual:
                return (false, "policy ACTUAL always doses by actual weight");
            case DosingWeightPolicy.AdjustedWhenBmiOver30:
                return bmiOver30
                    ? (true, $"{bmiText} > 30 makes adjusted weight mandatory")
                    : (false, $"{bmiText} ≤ 30");
            case DosingWeightPolicy.AdjustedWhenEligible:
                if (bmiOver30)
                {
                    return (true, $"{bmiText} > 30 makes adjusted weight mandatory");
                }

                var baseKg = input.Sex == Sex.Male ? DosingGuideline.IbwBaseMaleKg : DosingGuideline.IbwBaseFemaleKg;
                var tallEnough = input.HeightCm >= DosingGuideline.AdjustedWeightEligibleMinHeightCm;
                return tallEnough && reference > baseKg
                    ? (true, Text.Invariant($"height ≥ 152.4 cm and weight above the {baseKg} kg IBW base (Ontario)"))
                    : (false, Text.Invariant($"{bmiText} ≤ 30 and not height ≥ 152.4 cm with weight above the {baseKg} kg IBW base (Ontario)"));
            default:
                throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown dosing weight policy");
        }
    }

    private static decimal Kg(decimal kg) => Math.Round(kg, 1, MidpointRounding.AwayFromZero);
}
