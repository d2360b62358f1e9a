namespace Ivig.Eligibility.Domain.Rules;

/// <summary>
/// A rule's condition as a conjunction of three-valued checks, grouped in stages.
/// Any check known false anywhere: the rule does not fire. Otherwise, the unknown checks of the first
/// stage that has any are reported as missing; later stages are follow-up questions that only matter once
/// the earlier ones hold (e.g. corticosteroid response only once corticosteroids are known to be given),
/// so they are not asked for yet. All checks true: the rule fires.
/// </summary>
internal sealed class Conditions
{
    private readonly List<List<(string Fact, bool? Holds)>> _stages = [[]];

    /// <summary>Adds a check to the current stage; <paramref name="fact"/> is reported when it is unknown.</summary>
    public Conditions Require(string fact, bool? holds)
    {
        _stages[^1].Add((fact, holds));
        return this;
    }

    /// <summary>Starts a stage of follow-up checks.</summary>
    public Conditions Then()
    {
        _stages.Add([]);
        return this;
    }

    public RuleEvaluation Evaluate(Func<string> firedReason)
    {
        if (_stages.Any(stage => stage.Any(check => check.Holds == false)))
        {
            return RuleEvaluation.DoesNotFire();
        }

        foreach (var stage in _stages)
        {
            var unknown = stage.Where(check => check.Holds is null).Select(check => check.Fact).Distinct().ToArray();
            if (unknown.Length > 0)
            {
                return RuleEvaluation.NeedsFacts(unknown);
            }
        }

        return RuleEvaluation.Fires(firedReason());
    }
}
