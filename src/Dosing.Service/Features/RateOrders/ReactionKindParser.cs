using Ivig.Dosing.Domain;

namespace Ivig.Dosing.Features.RateOrders;

/// <summary>
/// The reaction kinds of <c>InfusionReactionReported</c> (Monitoring's names) as the rate policy's kinds: an infusion-related
/// reaction is handled by its CTCAE grade (RXN-G1..G4); the named syndromes stop the infusion whatever the grade.
/// </summary>
public static class ReactionKindParser
{
    public const string InfusionRelated = "InfusionRelated";

    private static readonly Dictionary<string, ReactionKind> Syndromes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Anaphylaxis"] = ReactionKind.Anaphylaxis,
        ["AsepticMeningitis"] = ReactionKind.AsepticMeningitis,
        ["Thrombosis"] = ReactionKind.Thrombosis,
        ["RenalDysfunction"] = ReactionKind.Renal,
    };

    public static bool TryParse(string? kind, int grade, out ReactionKind reactionKind)
    {
        var name = kind?.Trim() ?? "";
        if (string.Equals(name, InfusionRelated, StringComparison.OrdinalIgnoreCase))
        {
            if (grade is >= 1 and <= 4)
            {
                reactionKind = ReactionKinds.FromGrade(grade);
                return true;
            }

            reactionKind = default;
            return false;
        }

        return Syndromes.TryGetValue(name, out reactionKind);
    }
}
