using Ivig.Eligibility.Features.Assessments;

namespace Ivig.Eligibility.Tests.Features;

public class PatientReferenceTests
{
    [Theory]
    [InlineData("mrn-1001")]
    [InlineData("e2e-3f2504e04f8911d39a0c0305e82c3301")]
    [InlineData("HOSP:ward.7:000123")]
    [InlineData("A1")]
    [InlineData("1")]
    [InlineData("enc_2026_0042")]
    public void Opaque_ids_are_accepted(string reference) => Assert.Null(PatientReference.Problem(reference));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("John Smith")]
    [InlineData("JohnSmith")]
    [InlineData("smith.john")]
    [InlineData("O'Brien-7")]
    [InlineData(" mrn-1001")]
    [InlineData("mrn/1001")]
    [InlineData("mrn-1001\n")]
    [InlineData("Müller-12")]
    [InlineData("smith-1980-05-12")]
    [InlineData("12.05.1980-x")]
    public void Names_dates_and_anything_outside_the_id_alphabet_are_refused(string? reference) =>
        Assert.NotNull(PatientReference.Problem(reference));

    [Fact]
    public void At_most_64_characters()
    {
        Assert.Null(PatientReference.Problem("1" + new string('a', 63)));
        Assert.NotNull(PatientReference.Problem("1" + new string('a', 64)));
    }

    [Fact]
    public void Digit_groups_that_are_not_calendar_dates_are_not_mistaken_for_dates() =>
        Assert.Null(PatientReference.Problem("ref-1234-56-78"));
}
