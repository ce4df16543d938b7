namespace KetamineClinic.Web.Features.SelfCheck;

/// <summary>
/// The GAD-7 anxiety screening questionnaire (Spitzer, Kroenke, Williams and Löwe, Archives of Internal
/// Medicine, 2006; free to use). The items and answer wording are the instrument's own: changing them
/// would change what the score means.
/// </summary>
public static class Gad7
{
    public const string Stem = "Over the last 2 weeks, how often have you been bothered by the following problems?";

    public static IReadOnlyList<string> Items { get; } =
    [
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ];

    public static IReadOnlyList<string> Answers { get; } =
        ["Not at all", "Several days", "More than half the days", "Nearly every day"];

    public static int MaxScore => Items.Count * (Answers.Count - 1);

    /// <summary>Total of seven answers scored 0–3; null unless every item has a valid answer.</summary>
    public static int? Score(IReadOnlyList<int?> answers)
    {
        if (answers.Count != Items.Count || answers.Any(a => a is null or < 0 or > 3))
        {
            return null;
        }

        return answers.Sum(a => a!.Value);
    }

    /// <summary>The four bands the score is read in, in order: the result page's text and its 0–21 bar both come from here.</summary>
    public static IReadOnlyList<Gad7Range> Ranges { get; } =
    [
        new(Gad7Band.Minimal, "minimal", 0, 4),
        new(Gad7Band.Mild, "mild", 5, 9),
        new(Gad7Band.Moderate, "moderate", 10, 14),
        new(Gad7Band.Severe, "severe", 15, 21),
    ];

    public static Gad7Band Band(int score) => Range(score).Band;

    public static Gad7Range Range(int score) =>
        Ranges.FirstOrDefault(r => score >= r.Min && score <= r.Max) ?? throw new ArgumentOutOfRangeException(nameof(score));
}

public sealed record Gad7Range(Gad7Band Band, string Label, int Min, int Max)
{
    /// <summary>How many scores the band holds: its share of the bar.</summary>
    public int Width => Max - Min + 1;
}

public enum Gad7Band
{
    Minimal,
    Mild,
    Moderate,
    Severe,
}
