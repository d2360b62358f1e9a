namespace Ivig.Dosing.Domain;

/// <summary>
/// What each rule that Dosing names says (rule catalogue sections 5 and 6). Numbers come from
/// <see cref="DosingGuideline"/> and <see cref="DosingPolicyOptions"/>, so the text always matches what was applied.
/// </summary>
public sealed class DosingRules(DosingPolicyOptions options)
{
    private readonly DosingPolicyOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    public RuleDescription Describe(string ruleId) => ruleId switch
    {
        RuleIds.DoseWeight => new(ruleId, Text.Invariant(
            $"Dosing weight: adjusted body weight (Devine IBW + {DosingGuideline.AdjustedWeightFactor} × (actual − IBW), never above actual) by policy {_options.WeightPolicy}; pre-pregnancy weight in pregnancy when given"),
            "[guideline] Ontario IG dose calculator; Australian NBA BloodSTAR"),
        RuleIds.DoseAcute => new(ruleId, Text.Invariant(
            $"Acute relapse: {DosingGuideline.AcuteGramsPerKgPerDay} g/kg/day for {DosingGuideline.AcuteDays} consecutive days; never more than {DosingGuideline.MaxGramsPerKgPerDay} g/kg in one day"),
            "[seed]; [guideline] Ontario"),
        RuleIds.DoseMaint => new(ruleId, Text.Invariant(
            $"Relapse prevention: {DosingGuideline.MaintenanceDefaultGramsPerKg} g/kg every {DosingGuideline.MaintenanceDefaultIntervalWeeks} weeks by default; a prescriber may choose {DosingGuideline.MaintenanceMinGramsPerKg}–{DosingGuideline.MaintenanceMaxGramsPerKg} g/kg every {DosingGuideline.MaintenanceMinIntervalWeeks}–{DosingGuideline.MaintenanceMaxIntervalWeeks} weeks"),
            "[seed]; [guideline] Ontario; Fazekas 1997"),
        RuleIds.DosePostpartum => new(ruleId, Text.Invariant(
            $"Postpartum relapse prevention: {DosingGuideline.PostpartumGramsPerKgPerDay} g/kg/day for {DosingGuideline.PostpartumFirstWeekDays} days in the first week after delivery, then {DosingGuideline.PostpartumGramsPerKgPerDay} g/kg at weeks {string.Join(" and ", DosingGuideline.PostpartumBoosterWeeks)}"),
            "Achiron 2004"),
        RuleIds.DoseRound => new(ruleId, Text.Invariant(
            $"Rounding policy {_options.Rounding}: each day's dose to the nearest {DosingGuideline.RoundingIncrementGrams} g by default, then whole vials adding up exactly with the fewest vials, else the smallest sum above"),
            "[guideline] Ontario"),
        RuleIds.DoseCap => new(ruleId,
            "Renal or thrombosis risk: the rate never goes above the product's at-risk cap",
            "[label] boxed warning; cap values per product, some [local default]"),
        RuleIds.PrePremed => new(ruleId, Text.Invariant(
            $"Premedication {_options.PremedicationMinMinutesBefore}–{_options.PremedicationMaxMinutesBefore} min before: {_options.Acetaminophen.Drug} {_options.Acetaminophen.MinDoseMg}–{_options.Acetaminophen.MaxDoseMg} mg {_options.Acetaminophen.Route} and {_options.Diphenhydramine.Drug} {_options.Diphenhydramine.MinDoseMg}–{_options.Diphenhydramine.MaxDoseMg} mg {_options.Diphenhydramine.Route}"),
            "[seed]; doses [local default]"),
        RuleIds.PreHydration => new(ruleId, "Hydration status checked before every infusion", "[seed]"),
        RuleIds.RxnGrade1 => new(ruleId, Text.Invariant(
            $"Grade 1 (mild) reaction: slow to {_options.Grade1SlowFactor * 100:0.##}% of the current rate; WARNING alert"),
            "[seed]; factor [local default]"),
        RuleIds.RxnGrade2 => new(ruleId, Text.Invariant(
            $"Grade 2 (moderate) reaction: pause; when resolved, resume at {_options.Grade2ResumeFactor * 100:0.##}% of the last tolerated rate; WARNING alert"),
            "CTCAE v5; factor [local default]"),
        RuleIds.RxnGrade3 => new(ruleId, "Grade 3 (severe) reaction: stop at once; CRITICAL alert", "CTCAE v5"),
        RuleIds.RxnGrade4 => new(ruleId, "Grade 4 (life-threatening) reaction or any anaphylaxis: stop at once; CRITICAL alert; emergency treatment (epinephrine)", "CTCAE v5; [label]"),
        RuleIds.RxnMeningitis => new(ruleId, "Severe headache with neck stiffness: stop; CRITICAL alert; neurological assessment", "[seed]"),
        RuleIds.RxnThrombo => new(ruleId, "Signs of DVT, stroke, chest pain or dyspnoea: stop; CRITICAL alert", "[seed]"),
        RuleIds.RxnRenal => new(ruleId, "Falling urine output or rising creatinine: stop; CRITICAL alert", "[seed]"),
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "not a rule Dosing names"),
    };
}
