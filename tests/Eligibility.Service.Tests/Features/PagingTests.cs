using Ivig.Eligibility.Features.Paging;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Tests.Features;

public class PagingTests
{
    private static readonly PageCursor Cursor = new(1_794_000_000_123, "0190f1a2b3c47d8e9f00112233445566");

    [Fact]
    public void A_token_round_trips_for_its_own_list()
    {
        var token = PageToken.Encode("assessments:mrn-1001", Cursor);

        Assert.True(PageToken.TryDecode(token, "assessments:mrn-1001", out var decoded));
        Assert.Equal(Cursor, decoded);
    }

    [Fact]
    public void A_token_is_opaque_and_does_not_carry_the_patient_reference()
    {
        var token = PageToken.Encode("assessments:mrn-1001", Cursor);
        var text = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token));

        Assert.DoesNotContain("mrn-1001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mrn-1001", token, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_from_another_list_is_refused() =>
        Assert.False(PageToken.TryDecode(PageToken.Encode("assessments:mrn-1001", Cursor), "assessments:mrn-2002", out _));

    [Theory]
    [InlineData("not a token")]
    [InlineData("MTIz")]
    [InlineData("%%%")]
    [InlineData("MnxhYmN8MXx4")]
    public void Garbage_is_refused(string token) => Assert.False(PageToken.TryDecode(token, "assessments:mrn-1001", out _));

    [Theory]
    [InlineData(0, 20)]
    [InlineData(1, 1)]
    [InlineData(100, 100)]
    public void Page_size_0_means_20_and_1_to_100_are_taken(int requested, int expected)
    {
        var violations = new List<FieldViolation>();
        Assert.Equal(expected, PageRequest.Read(requested, "", "s", violations).PageSize);
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Page_size_outside_1_to_100_is_refused(int requested)
    {
        var violations = new List<FieldViolation>();
        PageRequest.Read(requested, "", "s", violations);
        Assert.Equal(["page_size"], violations.Select(v => v.Field));
    }

    [Fact]
    public void A_bad_token_is_a_page_token_violation()
    {
        var violations = new List<FieldViolation>();
        PageRequest.Read(10, "bogus", "s", violations);
        Assert.Equal(["page_token"], violations.Select(v => v.Field));
    }
}
