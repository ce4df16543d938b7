using KetamineClinic.Testing;
using KetamineClinic.Web.Features.Articles;

namespace KetamineClinic.Tests.Articles;

public sealed class ReadingLevelTests
{
    private const double HighestGrade = 8.0;

    [Theory]
    // Counts as a dictionary (CMU Pronouncing Dictionary) gives them.
    [InlineData("a", 1)]
    [InlineData("the", 1)]
    [InlineData("make", 1)]
    [InlineData("whole", 1)]
    [InlineData("friend", 1)]
    [InlineData("asked", 1)]
    [InlineData("called", 1)]
    [InlineData("makes", 1)]
    [InlineData("eye", 1)]
    [InlineData("don't", 1)]
    [InlineData("you're", 1)]
    [InlineData("table", 2)]
    [InlineData("people", 2)]
    [InlineData("treatment", 2)]
    [InlineData("wanted", 2)]
    [InlineData("settled", 2)]
    [InlineData("uses", 2)]
    [InlineData("changes", 2)]
    [InlineData("going", 2)]
    [InlineData("being", 2)]
    [InlineData("trying", 2)]
    [InlineData("social", 2)]
    [InlineData("language", 2)]
    [InlineData("safely", 2)]
    [InlineData("useful", 2)]
    [InlineData("movement", 2)]
    [InlineData("quiet", 2)]
    [InlineData("client", 2)]
    [InlineData("patient", 2)]
    [InlineData("value", 2)]
    [InlineData("values", 2)]
    [InlineData("someone", 2)]
    [InlineData("sometimes", 2)]
    [InlineData("isn't", 2)]
    [InlineData("medicine", 3)]
    [InlineData("ketamine", 3)]
    [InlineData("studying", 3)]
    [InlineData("serious", 3)]
    [InlineData("period", 3)]
    [InlineData("potential", 3)]
    [InlineData("mania", 3)]
    [InlineData("media", 3)]
    [InlineData("usual", 3)]
    [InlineData("actual", 3)]
    [InlineData("quality", 3)]
    [InlineData("depression", 3)]
    [InlineData("influence", 3)]
    [InlineData("theory", 3)]
    [InlineData("easier", 3)]
    [InlineData("opioid", 3)]
    [InlineData("everyone", 3)]
    [InlineData("off-label", 3)]
    [InlineData("anxiety", 4)]
    [InlineData("mechanism", 4)]
    [InlineData("psychiatrist", 4)]
    [InlineData("understanding", 4)]
    [InlineData("generalized", 4)]
    [InlineData("experience", 4)]
    [InlineData("evaluation", 5)]
    [InlineData("individual", 5)]
    // Read aloud letter by letter and digit by digit.
    [InlineData("FDA", 3)]
    [InlineData("SSRIs", 4)]
    [InlineData("988", 3)]
    public void Words_have_the_syllables_a_dictionary_gives_them(string word, int syllables) =>
        Assert.Equal(syllables, SyllableCounter.Count(word));

    [Fact]
    public void The_grade_follows_the_flesch_kincaid_formula()
    {
        // Two sentences, nine words, ten syllables: 0.39 × 4.5 + 11.8 × 10 / 9 − 15.59 = −0.72.
        var level = ReadingLevel.Measure(["The cat sat down. It was a happy cat."]);

        Assert.Equal(new ReadingLevel(2, 9, 10), level);
        Assert.Equal(-0.72, level.Grade, precision: 2);
    }

    [Fact]
    public void Each_block_ends_a_sentence_and_a_decimal_point_does_not()
    {
        var level = ReadingLevel.Measure(["Dose and schedule", "A dose of 0.5 mg per kg was given. Then rest", "  "]);

        Assert.Equal(3, level.Sentences);
    }

    [Fact]
    public void Plain_writing_scores_low_and_a_dense_paragraph_scores_above_grade_eight()
    {
        var plain = ReadingLevel.Measure(["You rest in a quiet room. Staff stay with you. You can ask for help at any time."]);
        var dense = ReadingLevel.Measure([
            "Subanesthetic racemic ketamine, administered intravenously as an N-methyl-D-aspartate receptor antagonist, "
            + "demonstrated statistically significant, rapid-onset anxiolytic efficacy in treatment-refractory generalized "
            + "and social anxiety disorders, notwithstanding considerable methodological heterogeneity across investigations."]);

        Assert.InRange(plain.Grade, -5, 4);
        Assert.True(dense.Grade > HighestGrade, $"The dense paragraph scored grade {dense.Grade:0.0}.");
    }

    [Fact]
    public void Only_the_prose_is_measured_not_the_sources_code_or_front_matter()
    {
        var renderer = new ContentRenderer();
        var withExtras = renderer.Render(TempContentFolder.Article(body: """
            ## A short heading

            A short sentence.[^long] Run `pharmacokinetic-considerations --comprehensively`.

            ```
            Interdisciplinary pharmacological documentation considerations.
            ```

            [^long]: Interdisciplinary pharmacological investigators, "Comprehensive methodological considerations." *Journal*, 2020.
            """), "articles/a.md", ContentKind.Article);
        var alone = renderer.Render(TempContentFolder.Article(body: """
            ## A short heading

            A short sentence. Run.
            """), "articles/b.md", ContentKind.Article);

        Assert.Equal(alone.ReadingLevel, withExtras.ReadingLevel);
        Assert.Equal(new ReadingLevel(3, 7, 9), alone.ReadingLevel);
    }

    [Fact]
    public void Every_article_reads_at_grade_eight_or_under()
    {
        var loaded = ArticleLibrary.Load(RepositoryPaths.Content, new ContentRenderer());
        var articles = loaded.Documents.Where(d => d.Kind == ContentKind.Article).ToList();
        Assert.NotEmpty(articles);

        var tooHard = articles
            .Where(a => a.ReadingLevel.Grade > HighestGrade)
            .Select(a => $"{a.SourceFile}: grade {a.ReadingLevel.Grade:0.0}")
            .ToList();
        Assert.True(tooHard.Count == 0, "Above grade 8 (Flesch–Kincaid): " + string.Join("; ", tooHard));
    }
}
