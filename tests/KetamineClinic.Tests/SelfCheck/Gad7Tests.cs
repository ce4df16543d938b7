using KetamineClinic.Web.Features.SelfCheck;

namespace KetamineClinic.Tests.SelfCheck;

public sealed class Gad7Tests
{
    [Theory]
    [InlineData(0, Gad7Band.Minimal)]
    [InlineData(4, Gad7Band.Minimal)]
    [InlineData(5, Gad7Band.Mild)]
    [InlineData(9, Gad7Band.Mild)]
    [InlineData(10, Gad7Band.Moderate)]
    [InlineData(14, Gad7Band.Moderate)]
    [InlineData(15, Gad7Band.Severe)]
    [InlineData(21, Gad7Band.Severe)]
    public void Scores_fall_into_the_published_bands(int score, Gad7Band band) => Assert.Equal(band, Gad7.Band(score));

    [Theory]
    [InlineData(-1)]
    [InlineData(22)]
    public void Scores_outside_0_to_21_are_rejected(int score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Gad7.Band(score));

    [Fact]
    public void The_score_is_the_sum_of_seven_answers() =>
        Assert.Equal(11, Gad7.Score([0, 1, 2, 3, 2, 1, 2]));

    [Fact]
    public void Every_answer_at_the_top_gives_21() => Assert.Equal(21, Gad7.Score([3, 3, 3, 3, 3, 3, 3]));

    [Fact]
    public void A_missing_answer_gives_no_score() => Assert.Null(Gad7.Score([0, 1, 2, null, 2, 1, 2]));

    [Fact]
    public void Six_answers_give_no_score() => Assert.Null(Gad7.Score([0, 1, 2, 3, 2, 1]));

    [Fact]
    public void An_answer_outside_0_to_3_gives_no_score() => Assert.Null(Gad7.Score([0, 1, 2, 4, 2, 1, 2]));
}
