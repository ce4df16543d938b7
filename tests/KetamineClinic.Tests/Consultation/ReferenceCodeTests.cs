using KetamineClinic.Web.Features.Consultation;

namespace KetamineClinic.Tests.Consultation;

public sealed class ReferenceCodeTests
{
    [Fact]
    public void A_new_code_has_eight_characters_from_the_unambiguous_alphabet()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = ReferenceCode.New().Value;
            Assert.Equal(8, code.Length);
            Assert.All(code, c => Assert.Contains(c, ReferenceCode.Alphabet));
        }
    }

    [Fact]
    public void The_alphabet_has_no_look_alike_characters()
    {
        foreach (var c in "01ILOilo")
        {
            Assert.DoesNotContain(c, ReferenceCode.Alphabet);
        }
    }

    [Fact]
    public void Codes_do_not_repeat_and_use_the_whole_alphabet()
    {
        var codes = Enumerable.Range(0, 20_000).Select(_ => ReferenceCode.New().Value).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(ReferenceCode.Alphabet.Order(), codes.SelectMany(c => c).Distinct().Order());
    }

    [Theory]
    [InlineData("ABCD2345", "ABCD2345")]
    [InlineData(" abcd2345 ", "ABCD2345")]
    public void Parsing_accepts_any_case_and_surrounding_spaces(string input, string expected)
    {
        Assert.True(ReferenceCode.TryParse(input, out var code));
        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD234")]
    [InlineData("ABCD23456")]
    [InlineData("ABCD2340")]
    [InlineData("ABCDI345")]
    [InlineData("ABCD-345")]
    public void Parsing_refuses_anything_else(string? input) => Assert.False(ReferenceCode.TryParse(input, out _));
}
