using System.Reflection;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Grpc;
using Ivig.Eligibility.Tests.Domain;
using P = Ivig.Eligibility.V1;

namespace Ivig.Eligibility.Tests.Features;

public class FactsMappingTests
{
    private static readonly EligibilityThresholds Thresholds = new();

    [Fact]
    public void Empty_proto_facts_are_all_unknown()
    {
        var facts = new P.PatientFacts().ToDomain(Thresholds);

        var known = typeof(PatientFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetValue(facts) is not null)
            .Select(p => p.Name);
        Assert.Empty(known);
    }

    [Fact]
    public void Unset_booleans_stay_unknown_and_false_stays_false()
    {
        var proto = new P.PatientFacts { Diabetes = false };

        var facts = proto.ToDomain(Thresholds);

        Assert.False(facts.Diabetes);
        Assert.Null(facts.Sepsis);
    }

    [Fact]
    public void The_contract_refractory_relapse_maps_to_the_domain_one() =>
        Assert.Equal(TestFacts.RefractoryRelapse(), ProtoFacts.RefractoryRelapse().ToDomain(Thresholds));

    [Fact]
    public void Every_known_domain_fact_round_trips_through_the_contract()
    {
        var facts = TestFacts.RefractoryRelapse() with
        {
            PregnancyState = PregnancyState.Postpartum,
            DeliveryDate = TestFacts.Today.AddDays(-20),
            DmtNotFeasibleReason = "not tolerated",
            PriorHypersensitivity = HypersensitivityHistory.NonSevere,
            AboGroup = AboGroup.AB,
            PrePregnancyWeightKg = 64.5,
            PlannedCourseTotalGPerKg = 2,
        };

        Assert.Equal(facts, facts.ToProto().ToDomain(Thresholds));
        Assert.Equal(new PatientFacts(), new PatientFacts().ToProto().ToDomain(Thresholds));
    }

    [Fact]
    public void The_round_trip_keeps_every_domain_property_known()
    {
        // Guards the mapping against a fact added to the domain but not to the contract.
        var every = TestFacts.RefractoryRelapse() with
        {
            DeliveryDate = TestFacts.Today.AddDays(-20),
            DmtNotFeasibleReason = "pregnancy planned",
            PrePregnancyWeightKg = 64.5,
            PlannedCourseTotalGPerKg = 2,
        };
        var unknownAfterRoundTrip = typeof(PatientFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetValue(every.ToProto().ToDomain(Thresholds)) is null)
            .Select(p => p.Name);
        Assert.Empty(unknownAfterRoundTrip);
    }

    [Theory]
    [InlineData(true, P.HypersensitivityHistory.Unspecified, HypersensitivityHistory.SevereSystemicOrAnaphylaxis)]
    [InlineData(null, P.HypersensitivityHistory.NonSevere, HypersensitivityHistory.NonSevere)]
    [InlineData(false, P.HypersensitivityHistory.NonSevere, HypersensitivityHistory.NonSevere)]
    [InlineData(false, P.HypersensitivityHistory.None, HypersensitivityHistory.None)]
    [InlineData(null, P.HypersensitivityHistory.Unspecified, null)]
    [InlineData(false, P.HypersensitivityHistory.Unspecified, HypersensitivityHistory.None)]
    public void Prior_hypersensitivity_reads_the_precise_field_first(bool? severe, P.HypersensitivityHistory history, HypersensitivityHistory? expected)
    {
        var proto = new P.PatientFacts { PriorHypersensitivity = history };
        if (severe is { } value)
        {
            proto.PriorSevereHypersensitivityToImmunoglobulin = value;
        }

        Assert.Equal(expected, proto.ToDomain(Thresholds).PriorHypersensitivity);
    }

    [Theory]
    [InlineData(3.0, null)]
    [InlineData(null, true)]
    [InlineData(3.0, true)]
    public void Not_severe_alone_is_unknown_when_an_iga_finding_makes_a_mild_reaction_matter(double? igaMgDl, bool? antiIga)
    {
        // CI-IGA-AB counts any prior reaction: "not severe" cannot tell none from mild, so the history is asked for.
        var proto = new P.PatientFacts { PriorSevereHypersensitivityToImmunoglobulin = false };
        if (igaMgDl is { } iga)
        {
            proto.SerumIgaMgPerDl = iga;
        }

        if (antiIga is { } antibodies)
        {
            proto.AntiIgaAntibodies = antibodies;
        }

        Assert.Null(proto.ToDomain(Thresholds).PriorHypersensitivity);
        proto.PriorHypersensitivity = P.HypersensitivityHistory.None;
        Assert.Equal(HypersensitivityHistory.None, proto.ToDomain(Thresholds).PriorHypersensitivity);
    }

    [Fact]
    public void The_iga_cut_off_for_the_coarse_flag_is_the_configured_one()
    {
        var proto = new P.PatientFacts { PriorSevereHypersensitivityToImmunoglobulin = false, SerumIgaMgPerDl = 8 };

        Assert.Equal(HypersensitivityHistory.None, proto.ToDomain(Thresholds).PriorHypersensitivity);
        Assert.Null(proto.ToDomain(new EligibilityThresholds { IgaDeficiencyBelowMgDl = 10 }).PriorHypersensitivity);
    }

    [Fact]
    public void Dates_map_from_iso_strings_and_empty_is_unknown()
    {
        Assert.Equal(new DateOnly(2026, 10, 1), new P.PatientFacts { DeliveryDate = "2026-10-01" }.ToDomain(Thresholds).DeliveryDate);
        Assert.Null(new P.PatientFacts { DeliveryDate = "" }.ToDomain(Thresholds).DeliveryDate);
        Assert.Equal("2026-10-01", (TestFacts.RefractoryRelapse() with { CreatinineMeasuredOn = new DateOnly(2026, 10, 1) }).ToProto().CreatinineMeasuredOn);
    }

    [Fact]
    public void A_blank_dmt_reason_is_unknown_and_a_given_one_is_trimmed()
    {
        Assert.Null(new P.PatientFacts { DmtsNotFeasibleReason = "   " }.ToDomain(Thresholds).DmtNotFeasibleReason);
        Assert.Equal("not tolerated", new P.PatientFacts { DmtsNotFeasibleReason = " not tolerated " }.ToDomain(Thresholds).DmtNotFeasibleReason);
    }
}
