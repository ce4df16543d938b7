using System.Text.RegularExpressions;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>Sentences, words and syllables of a text, and its Flesch–Kincaid grade level.</summary>
public sealed record ReadingLevel(int Sentences, int Words, int Syllables)
{
    /// <summary>0.39 × words per sentence + 11.8 × syllables per word − 15.59 (Kincaid et al., 1975).</summary>
    public double Grade => Words == 0 ? 0 : (0.39 * Words / Sentences) + (11.8 * Syllables / Words) - 15.59;

    /// <summary>
    /// Measures blocks of text (a heading, a paragraph, a list item): each block ends a sentence even without
    /// a full stop, as a reader takes it.
    /// </summary>
    public static ReadingLevel Measure(IEnumerable<string> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        int sentences = 0, words = 0, syllables = 0;
        foreach (var block in blocks)
        {
            var blockWords = ReadingText.Words().Matches(block);
            if (blockWords.Count == 0)
            {
                continue;
            }

            words += blockWords.Count;
            syllables += blockWords.Sum(w => SyllableCounter.Count(w.Value));
            var ends = ReadingText.SentenceEnd().Matches(block);
            var endsWithStop = ends.Count > 0 && ends[^1].Index + ends[^1].Length == block.TrimEnd().Length;
            sentences += ends.Count + (endsWithStop ? 0 : 1);
        }

        return new ReadingLevel(sentences, words, syllables);
    }
}

internal static partial class ReadingText
{
    /// <summary>Letters or digits, joined by an apostrophe or hyphen inside a word ("don't", "off-label").</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    public static partial Regex Words();

    /// <summary>A full stop, question or exclamation mark (or several) before a space or the end; "0.5" is not one.</summary>
    [GeneratedRegex(@"[.!?…]+[""”’)\]]*(?=\s|$)", RegexOptions.CultureInvariant)]
    public static partial Regex SentenceEnd();
}
