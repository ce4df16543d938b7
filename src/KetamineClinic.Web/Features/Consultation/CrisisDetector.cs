using System.Text.RegularExpressions;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>
/// Spots words in free text that suggest the writer may be in crisis, so the confirmation leads with
/// crisis resources and staff see the request as urgent. Deliberately errs towards flagging.
/// </summary>
public static partial class CrisisDetector
{
    public static bool SuggestsCrisis(params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            // Curly apostrophes and runs of whitespace should not hide a phrase.
            var normalized = text.Replace('\u2019', '\'').Replace('\u2018', '\'');
            try
            {
                if (CrisisPattern().IsMatch(normalized))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Text crafted to be slow to scan is treated as urgent rather than ignored.
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text cut into runs, each saying whether it is one of the phrases that raise the flag, so the staff page
    /// can mark the visitor's own words that made the request urgent.
    /// </summary>
    public static IReadOnlyList<TextRun> Highlight(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        // The replacements keep every character's position, so runs cut from the normalised copy fit the original.
        var normalized = text.Replace('\u2019', '\'').Replace('\u2018', '\'');
        var runs = new List<TextRun>();
        var start = 0;
        try
        {
            foreach (Match match in CrisisPattern().Matches(normalized))
            {
                if (match.Index > start)
                {
                    runs.Add(new TextRun(text[start..match.Index], IsCrisisPhrase: false));
                }

                runs.Add(new TextRun(text.Substring(match.Index, match.Length), IsCrisisPhrase: true));
                start = match.Index + match.Length;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return [new TextRun(text, IsCrisisPhrase: false)];
        }

        if (start < text.Length)
        {
            runs.Add(new TextRun(text[start..], IsCrisisPhrase: false));
        }

        return runs;
    }

    /// <summary>The distinct phrases found in the texts, as written, in the order they first appear.</summary>
    public static IReadOnlyList<string> PhrasesIn(params string?[] texts) =>
        [.. texts.SelectMany(Highlight).Where(r => r.IsCrisisPhrase).Select(r => r.Text).Distinct(StringComparer.OrdinalIgnoreCase)];

    [GeneratedRegex(
        @"\b(?:suicid\w*|kill(?:ing)?\s+my\s*self|end(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all)|take\s+my\s+(?:own\s+)?life|self[\s\-]*harm\w*|hurt(?:ing)?\s+my\s*self|harm(?:ing)?\s+my\s*self|cut(?:ting)?\s+my\s*self|(?:want|wanting|wanted)\s+to\s+die|better\s+off\s+dead|(?:don'?t|do\s+not)\s+want\s+to\s+(?:live|be\s+alive)|no\s+reason\s+to\s+live|overdos\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex CrisisPattern();
}

/// <summary>A stretch of the visitor's text; <paramref name="IsCrisisPhrase"/> when it is a phrase that raised the flag.</summary>
public sealed record TextRun(string Text, bool IsCrisisPhrase);
