namespace KetamineClinic.Web.Features.Articles;

/// <summary>
/// Syllables of an English word by the usual heuristic: count groups of vowels, drop a silent final e
/// (and the e of a silent -es or -ed), and split the vowel pairs that are usually two sounds
/// (me·di·a, se·ri·ous, ac·tu·al, qui·et, go·ing). Acronyms are read letter by letter (F·D·A) and digits
/// one by one (nine·eight·eight). Wrong for some words, as every heuristic is; close enough for a grade level.
/// </summary>
public static class SyllableCounter
{
    // Compounds whose first part ends in a silent e or reads as a word of its own: some·one, any·one.
    private static readonly (string Prefix, int Syllables)[] _compoundStarts =
        [("some", 1), ("every", 2), ("any", 2), ("there", 1), ("life", 1), ("home", 1), ("care", 1), ("time", 1)];

    private static readonly string[] _silentESuffixes = ["ly", "ful", "ment", "ness", "less", "ty"];

    public static int Count(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1)
        {
            return parts.Sum(Count);
        }

        var digits = 0;
        var letters = new System.Text.StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                digits += c is '0' or '7' ? 2 : 1;
            }
            else if (char.IsLetter(c))
            {
                letters.Append(c);
            }
        }

        if (letters.Length == 0)
        {
            return Math.Max(digits, 1);
        }

        var text = letters.ToString();
        var contraction = EndsWithNegativeContraction(word) ? 1 : 0;
        return digits + contraction + (IsAcronym(text, out var spelled) ? Spelled(spelled) : Word(text.ToLowerInvariant()));
    }

    /// <summary>"isn't", "didn't": the n't is a syllable of its own after a consonant (not in "don't", "can't").</summary>
    private static bool EndsWithNegativeContraction(string word)
    {
        var normalized = word.Replace('’', '\'');
        return normalized.Length > 4
            && normalized.EndsWith("n't", StringComparison.OrdinalIgnoreCase)
            && !IsVowel(char.ToLowerInvariant(normalized[^4]));
    }

    /// <summary>FDA, CBT, SSRIs: two or more capitals (a plural s allowed), read letter by letter.</summary>
    private static bool IsAcronym(string text, out string letters)
    {
        letters = text.Length > 2 && text[^1] == 's' ? text[..^1] : text;
        return letters.Length >= 2 && letters.All(char.IsUpper);
    }

    private static int Spelled(string letters) => letters.Sum(c => c == 'W' ? 3 : 1);

    private static int Word(string w)
    {
        if (w.Length <= 2)
        {
            return 1;
        }

        foreach (var (prefix, syllables) in _compoundStarts)
        {
            if (w.Length >= prefix.Length + 3 && w.StartsWith(prefix, StringComparison.Ordinal))
            {
                return syllables + Word(w[prefix.Length..]);
            }
        }

        var count = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (IsVowelAt(w, i) && (i == 0 || !IsVowelAt(w, i - 1)))
            {
                count++;
            }
            else if (IsVowelAt(w, i) && SplitsFromPrevious(w, i))
            {
                count++;
            }
        }

        count -= SilentEndings(w, count);
        if (w.EndsWith("ism", StringComparison.Ordinal) || w.EndsWith("isms", StringComparison.Ordinal))
        {
            count++;
        }

        // go·ing, be·ing, try·ing: the vowel before -ing does not merge with it.
        if (w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) && IsVowelAt(w, w.Length - 4))
        {
            count++;
        }

        return Math.Max(count, 1);
    }

    /// <summary>Vowel pairs read as two syllables: the second vowel at <paramref name="i"/> starts a new one.</summary>
    private static bool SplitsFromPrevious(string w, int i)
    {
        var first = w[i - 1];
        var second = w[i];
        var before = i >= 2 ? w[i - 2] : ' ';
        var after = i + 1 < w.Length ? w[i + 1] : ' ';
        return (first, second) switch
        {
            // me·di·a, ma·ni·a; not so·cial, po·ten·tial, a·nes·the·sia.
            ('i', 'a') => before is not ('c' or 't' or 's'),
            // pe·ri·od, se·ri·ous; not ac·tion, vi·sion, anx·ious, re·gion.
            ('i', 'o') => before is not ('t' or 's' or 'c' or 'x' or 'g'),
            ('i', 'u') => true,
            // qui·et, anx·i·e·ty, cli·ent, ex·pe·ri·ence; not pa·tient, friend.
            ('i', 'e') => after == 't'
                || (after == 'n' && before is not ('c' or 't') && !w[(i + 1)..].StartsWith("nd", StringComparison.Ordinal))
                || (w[(i + 1)..] is "r" or "st" && !IsVowel(before)),
            // ac·tu·al, u·su·al; not qual·i·ty, lan·guage.
            ('u', 'a') => before is not ('q' or 'g'),
            // in·flu·ence, flu·ent; not guess, ques·tion, val·ues, con·tin·ued.
            ('u', 'e') => before is not ('q' or 'g') && after != ' ' && !IsVowel(after)
                && !(i + 2 == w.Length && w[^1] is 's' or 'd'),
            // the·o·ry, vid·e·o; not peo·ple, sur·geon.
            ('e', 'o') => before is not ('p' or 'g'),
            _ => false,
        };
    }

    /// <summary>A final e that makes no sound: make, whole, makes, asked, safely; but ta·ble, us·es, want·ed.</summary>
    private static int SilentEndings(string w, int count)
    {
        if (count <= 1)
        {
            return 0;
        }

        foreach (var suffix in _silentESuffixes)
        {
            // safe·ly, state·ment, use·ful: a vowel, one consonant, e, then the suffix.
            var e = w.Length - suffix.Length - 1;
            if (e >= 2 && w.EndsWith(suffix, StringComparison.Ordinal) && w[e] == 'e'
                && !IsVowelAt(w, e - 1) && IsVowelAt(w, e - 2))
            {
                return 1;
            }
        }

        var last = w[^1];
        if (last == 'e' && !IsVowelAt(w, w.Length - 2))
        {
            return SyllabicLe(w, w.Length - 2) ? 0 : 1;
        }

        if (w.Length > 3 && w[^2] == 'e' && last is 's' or 'd' && !IsVowelAt(w, w.Length - 3))
        {
            var consonant = w[^3];
            if (SyllabicLe(w, w.Length - 3))
            {
                return 0;
            }

            var sounded = last == 's'
                ? consonant is 's' or 'x' or 'z' or 'c' or 'g' || (consonant == 'h' && w[^4] is 'c' or 's')
                : consonant is 't' or 'd';
            return sounded ? 0 : 1;
        }

        return 0;
    }

    /// <summary>ta·ble, set·tled: an l after another consonant makes the e at the end a syllable.</summary>
    private static bool SyllabicLe(string w, int l) =>
        l >= 1 && w[l] == 'l' && !IsVowelAt(w, l - 1) && w[l - 1] != 'l';

    private static bool IsVowelAt(string w, int i) =>
        IsVowel(w[i]) || (w[i] == 'y' && i > 0 && !IsVowel(w[i - 1]));

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
