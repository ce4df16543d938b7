using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Tests.Foundation;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("(312) 555-0147", "+13125550147")]
    [InlineData("312-555-0147", "+13125550147")]
    [InlineData("312.555.0147", "+13125550147")]
    [InlineData("3125550147", "+13125550147")]
    [InlineData("+1 312 555 0147", "+13125550147")]
    [InlineData("1-312-555-0147", "+13125550147")]
    [InlineData("1 (312) 555-0147", "+13125550147")]
    public void Us_numbers_in_common_shapes_normalise_to_e164(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalizeUs(input, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("555-0147")]
    [InlineData("312555014")]
    [InlineData("312-555-01477")]
    [InlineData("231255501470")]
    [InlineData("2-312-555-0147")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("012-555-0147")]
    [InlineData("(012) 555-0147")]
    [InlineData("312-155-0147")]
    [InlineData("312-555-0147 x2")]
    [InlineData("312-555-0147 ext 2")]
    [InlineData("312<script>5550147")]
    public void Other_input_is_not_a_us_number(string? input)
    {
        Assert.False(PhoneNumber.TryNormalizeUs(input, out var e164));
        Assert.Equal("", e164);
    }

    [Fact]
    public void E164_displays_the_way_people_write_it() =>
        Assert.Equal("(312) 555-0147", PhoneNumber.Display("+13125550147"));
}
