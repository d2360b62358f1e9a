using Ivig.Common.V1;
using Ivig.Dosing.Domain;

namespace Ivig.Dosing.Grpc;

/// <summary>Maps the dosing domain to the contract's messages.</summary>
public static class DosingMapping
{
    public static V1.Product ToProto(this Domain.Product product)
    {
        var message = new V1.Product
        {
            ProductId = product.Id,
            Name = product.Name,
            ConcentrationPercent = (double)product.ConcentrationPercent,
            Stabilizer = product.Stabilizer,
            IgaMaxMicrogramsPerMl = (double)product.IgaMaxMicrogramsPerMl,
            MaxRateMgPerKgPerMin = (double)product.MaxRateMgPerKgMin,
            AtRiskCapMgPerKgPerMin = (double)product.AtRiskCapMgPerKgMin,
            Source = product.Source,
            VialSizesGrams = { product.VialSizesGrams.Select(v => (double)v) },
        };
        var startsAt = 0;
        for (var i = 0; i < product.Ladder.Count; i++)
        {
            var step = product.Ladder[i];
            var proto = new V1.TitrationStep
            {
                Step = i + 1,
                // mL/h depends on the patient's weight: it is filled in a regimen, not in the catalogue.
                Rate = new InfusionRate { MgPerKgPerMin = (double)step.RateMgPerKgMin },
                StartsAtMinute = startsAt,
            };
            if (step.Minutes is { } minutes)
            {
                proto.DurationMinutes = minutes;
                startsAt += minutes;
            }
            message.Ladder.Add(proto);
        }
        return message;
    }
}
