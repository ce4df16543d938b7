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

    [GeneratedRegex(
        @"\b(?:suicid\w*|kill(?:ing)?\s+my\s*self|end(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all)|take\s+my\s+(?:own\s+)?life|self[\s\-]*harm\w*|hurt(?:ing)?\s+my\s*self|harm(?:ing)?\s+my\s*self|cut(?:ting)?\s+my\s*self|(?:want|wanting|wanted)\s+to\s+die|better\s+off\s+dead|(?:don'?t|do\s+not)\s+want\s+to\s+(?:live|be\s+alive)|no\s+reason\s+to\s+live|overdos\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex CrisisPattern();
}
