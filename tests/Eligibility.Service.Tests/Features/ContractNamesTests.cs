using System.Reflection;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Grpc;

namespace Ivig.Eligibility.Tests.Features;

public class ContractNamesTests
{
    private static readonly Google.Protobuf.Reflection.EnumDescriptor DecisionDescriptor =
        V1.EligibilityReflection.Descriptor.EnumTypes.Single(e => e.Name == "Decision");

    private static IEnumerable<string> DomainFactNames() =>
        typeof(FactNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_domain_fact_name_maps_to_a_real_PatientFacts_field()
    {
        foreach (var name in DomainFactNames())
        {
            var field = FactFieldNames.ToProto(name);
            Assert.True(V1.PatientFacts.Descriptor.FindFieldByName(field) is not null, $"{name} → {field} is not a PatientFacts field.");
        }

        Assert.Equal(DomainFactNames().Order(), FactFieldNames.DomainNames.Order());
    }

    [Fact]
    public void The_missing_facts_text_names_contract_fields()
    {
        var text = FactFieldNames.RewriteText("Cannot decide without: plasmaExchange, egfr (needed by ELIG-AR-REFRACTORY).");
        Assert.Equal("Cannot decide without: plasma_exchange_status, egfr_ml_per_min (needed by ELIG-AR-REFRACTORY).", text);
    }

    [Fact]
    public void Event_decision_names_are_the_proto_enum_names_without_prefix()
    {
        foreach (var outcome in Enum.GetValues<EligibilityOutcome>())
        {
            var protoName = DecisionDescriptor.FindValueByNumber((int)outcome.ToProto()).Name;
            Assert.Equal("DECISION_" + outcome.ToEventName(), protoName);
        }
    }

    [Fact]
    public void Decisions_round_trip_between_domain_and_contract()
    {
        foreach (var outcome in Enum.GetValues<EligibilityOutcome>())
        {
            Assert.Equal(outcome, outcome.ToProto().ToDomain());
        }
    }
}
