using KetamineClinic.Web.Features.Consultation;

namespace KetamineClinic.Tests.Consultation;

public sealed class CrisisDetectorTests
{
    [Theory]
    [InlineData("I have thought about suicide")]
    [InlineData("I've been SUICIDAL before")]
    [InlineData("sometimes I want to kill myself")]
    [InlineData("I could end my life")]
    [InlineData("thinking about ending my life")]
    [InlineData("history of self-harm")]
    [InlineData("history of self harm")]
    [InlineData("I self-harmed last year")]
    [InlineData("I hurt myself when it gets bad")]
    [InlineData("I don’t want to live anymore")]
    [InlineData("I want to die")]
    [InlineData("they would be better off dead without me")]
    [InlineData("Suicide.")]
    public void Phrases_that_suggest_a_crisis_are_found(string text) => Assert.True(CrisisDetector.SuggestsCrisis(text));

    [Theory]
    [InlineData("Anxiety before flights and meetings")]
    [InlineData("Panic attacks; SSRIs did not help")]
    [InlineData("I want to live a calmer life")]
    [InlineData("My life has become harder to manage")]
    [InlineData("selfish harmony")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_is_not_flagged(string? text) => Assert.False(CrisisDetector.SuggestsCrisis(text));

    [Fact]
    public void Any_of_several_texts_can_raise_the_flag() =>
        Assert.True(CrisisDetector.SuggestsCrisis("Anxiety", null, "my therapist, after I spoke of suicide"));

    [Fact]
    public void Highlight_marks_only_the_crisis_phrases_and_keeps_every_character()
    {
        const string text = "Panic at work. I don’t want to live like this; I was suicidal in May.";

        var runs = CrisisDetector.Highlight(text);

        Assert.Equal(text, string.Concat(runs.Select(r => r.Text)));
        Assert.Equal(["don’t want to live", "suicidal"], runs.Where(r => r.IsCrisisPhrase).Select(r => r.Text));
    }

    [Fact]
    public void Ordinary_text_is_one_unmarked_run() =>
        Assert.Equal([new TextRun("Panic before meetings", false)], CrisisDetector.Highlight("Panic before meetings"));

    [Fact]
    public void The_phrases_found_are_listed_once_each_across_texts() =>
        Assert.Equal(["Suicide", "self-harm"], CrisisDetector.PhrasesIn("Suicide, and suicide again", null, "past self-harm"));
}
