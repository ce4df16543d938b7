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

    public static Gad7Band Band(int score) => score switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(score)),
        <= 4 => Gad7Band.Minimal,
        <= 9 => Gad7Band.Mild,
        <= 14 => Gad7Band.Moderate,
        <= 21 => Gad7Band.Severe,
        _ => throw new ArgumentOutOfRangeException(nameof(score)),
    };
}

public enum Gad7Band
{
    Minimal,
    Mild,
    Moderate,
    Severe,
}
