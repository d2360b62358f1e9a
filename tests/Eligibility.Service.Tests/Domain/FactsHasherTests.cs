using Ivig.Eligibility.Domain;
using Xunit;

namespace Ivig.Eligibility.Tests.Domain;

public class FactsHasherTests
{
    [Fact]
    public void Equal_facts_hash_equal_as_lower_case_sha256_hex()
    {
        var hash = FactsHasher.Hash(TestFacts.RefractoryRelapse());
        Assert.Equal(hash, FactsHasher.Hash(TestFacts.RefractoryRelapse()));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Canonical_json_is_sorted_compact_and_leaves_unknowns_out()
    {
        var facts = new PatientFacts
        {
            Purpose = TreatmentPurpose.AcuteRelapse,
            AgeYears = 40,
            DeliveryDate = new DateOnly(2026, 10, 1),
            AboGroup = AboGroup.AB,
            Egfr = 59.5,
        };
        Assert.Equal(
            """{"aboGroup":"AB","ageYears":40,"deliveryDate":"2026-10-01","egfr":59.5,"purpose":"AcuteRelapse"}""",
            FactsHasher.CanonicalJson(facts));
    }

    [Fact]
    public void Hash_is_pinned_so_a_format_change_is_noticed() =>
        Assert.Equal(
            "4ae6debb3b8b97345e8a4ef19e3a1aa6b92a2b99883b296081d3bf9cea5abe4a",
            FactsHasher.Hash(new PatientFacts { Purpose = TreatmentPurpose.AcuteRelapse, AgeYears = 40 }));

    [Fact]
    public void Unknown_and_false_hash_differently()
    {
        var facts = TestFacts.RefractoryRelapse();
        Assert.NotEqual(FactsHasher.Hash(facts), FactsHasher.Hash(facts with { Diabetes = null }));
        Assert.NotEqual(FactsHasher.Hash(facts), FactsHasher.Hash(facts with { Diabetes = true }));
    }

    [Fact]
    public void Equal_numbers_hash_equal_however_written() =>
        Assert.Equal(
            FactsHasher.Hash(new PatientFacts { WeightKg = 70 }),
            FactsHasher.Hash(new PatientFacts { WeightKg = 70.0 }));
}
