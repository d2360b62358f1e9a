using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Ivig.Common.V1;
using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.Regimens;

namespace Ivig.Dosing.Grpc;

/// <summary>
/// Maps a planned regimen to the contract's <see cref="V1.Regimen"/>, which is also what Dosing stores: the stored
/// regimen is exactly what the prescriber was shown, and Monitoring reads the same message (ladder in both units,
/// dosing weight, the product snapshot with concentration and maximum rate, the at-risk cap).
/// </summary>
public static class RegimenMapping
{
    public static V1.Regimen ToProto(this Regimen regimen, Domain.Product product, RegimenHeader header, DosingRules rules)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rules);
        var weight = regimen.DosingWeight;
        var message = new V1.Regimen
        {
            RegimenId = header.RegimenId.ToString("D"),
            AssessmentId = header.AssessmentId.ToString("D"),
            PatientReference = header.PatientReference,
            Product = product.ToProto(),
            CatalogueVersion = header.CatalogueVersion,
            Indication = ToProto(regimen.Indication),
            DosingWeightKg = (double)weight.WeightKg,
            DosingWeightBasis = weight.Basis == DosingWeightBasis.Adjusted ? V1.DosingWeightBasis.Adjusted
                : weight.FromPrePregnancyWeight ? V1.DosingWeightBasis.PrePregnancy
                : V1.DosingWeightBasis.Actual,
            FromPrePregnancyWeight = weight.FromPrePregnancyWeight,
            DosingWeightExplanation = weight.Explanation,
            DoseGPerKgPerDay = (double)regimen.DoseGramsPerKgPerDay,
            Rounding = ToProto(regimen.Rounding),
            TotalGramsPerCourse = (double)regimen.TotalGramsPerCourse,
            TotalGramsPerKgPerCourse = (double)regimen.TotalGramsPerKgPerCourse,
            Schedule = regimen.Schedule.Description,
            AtRiskCapApplied = regimen.AtRiskCap.Required,
            EstimatedDurationMinutes = regimen.EstimatedInfusionMinutes,
            Hydration = regimen.HydrationCheck,
            PlannedAt = Timestamp.FromDateTimeOffset(header.PlannedAt),
            PlannedBy = new Actor { Subject = header.PlannedBy.Subject, Role = header.PlannedBy.Role },
            Premedication = { regimen.Premedication.Select(p => p.Text) },
            Rules = { regimen.RuleIds.Select(rules.Describe).Select(r => new RuleReference { RuleId = r.RuleId, Text = r.Text, Source = r.Source }) },
            Notes = { regimen.Notes },
        };
        if (regimen.Schedule.RepeatEveryWeeks is { } weeks)
        {
            message.RepeatEveryWeeks = weeks;
        }

        if (regimen.AtRiskCap.Required)
        {
            message.AtRiskCap = new InfusionRate
            {
                MgPerKgPerMin = (double)regimen.AtRiskCap.CapMgPerKgMin,
                MlPerHour = (double)regimen.AtRiskCap.CapMlPerHour,
            };
        }

        // Only a delivery-anchored schedule has dates: the other regimens start when the prescriber books them.
        var anchorDate = regimen.Schedule.Anchor == ScheduleAnchor.Delivery ? header.DeliveryDate : null;
        if (anchorDate is { } delivery)
        {
            message.DeliveryDate = IsoDate(delivery);
        }

        foreach (var infusion in DoseCalendar.Lay(regimen.Schedule, anchorDate))
        {
            message.Days.Add(new V1.DoseDay
            {
                Day = infusion.Number,
                Week = infusion.Week,
                Date = infusion.Date is { } date ? IsoDate(date) : "",
                ComputedGrams = (double)regimen.ComputedGramsPerDay,
                Grams = (double)regimen.RoundedGramsPerDay,
                Vials = { regimen.VialsPerDay.Vials.Select(v => new V1.VialCount { SizeGrams = (double)v.SizeGrams, Count = v.Count }) },
                VolumeMl = (double)regimen.VolumeMlPerDay,
            });
        }

        for (var i = 0; i < regimen.Ladder.Count; i++)
        {
            var step = regimen.Ladder[i];
            var proto = new V1.TitrationStep
            {
                Step = i + 1,
                Rate = new InfusionRate { MgPerKgPerMin = (double)step.RateMgPerKgMin, MlPerHour = (double)step.RateMlPerHour },
                StartsAtMinute = step.StartMinute,
                ClippedToAtRiskCap = step.ClippedToCap,
            };
            if (step.Minutes is { } minutes)
            {
                proto.DurationMinutes = minutes;
            }

            message.Ladder.Add(proto);
        }

        return message;
    }

    /// <summary>The product as the regimen recorded it, for decisions taken later from the stored regimen (the rate after a reaction).</summary>
    public static Domain.Product ToDomain(this V1.Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new Domain.Product
        {
            Id = product.ProductId,
            Name = product.Name,
            ConcentrationPercent = (decimal)product.ConcentrationPercent,
            Stabilizer = product.Stabilizer,
            IgaMaxMicrogramsPerMl = (decimal)product.IgaMaxMicrogramsPerMl,
            Ladder = [.. product.Ladder.Select(s => new Domain.TitrationStep(
                (decimal)s.Rate.MgPerKgPerMin,
                s.HasDurationMinutes ? (int)s.DurationMinutes : null))],
            MaxRateMgPerKgMin = (decimal)product.MaxRateMgPerKgPerMin,
            AtRiskCapMgPerKgMin = (decimal)product.AtRiskCapMgPerKgPerMin,
            VialSizesGrams = [.. product.VialSizesGrams.Select(v => (decimal)v)],
            Source = product.Source,
        };
    }

    public static V1.Indication ToProto(Indication indication) => indication switch
    {
        Indication.AcuteRelapse => V1.Indication.AcuteRelapse,
        Indication.RelapsePrevention => V1.Indication.RelapsePrevention,
        Indication.Postpartum => V1.Indication.Postpartum,
        _ => throw new ArgumentOutOfRangeException(nameof(indication), indication, "unknown indication"),
    };

    public static V1.DoseRoundingPolicy ToProto(Domain.DoseRoundingPolicy rounding) => rounding switch
    {
        Domain.DoseRoundingPolicy.Nearest5Grams => V1.DoseRoundingPolicy.Nearest5Grams,
        Domain.DoseRoundingPolicy.WholeVials => V1.DoseRoundingPolicy.WholeVials,
        Domain.DoseRoundingPolicy.None => V1.DoseRoundingPolicy.None,
        _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "unknown rounding policy"),
    };

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
