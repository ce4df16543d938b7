using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>
/// Turns one Markdown file into a <see cref="ContentDocument"/>. Raw HTML is disabled, so whatever a file
/// contains it can only ever produce the markup this pipeline writes.
/// </summary>
public sealed partial class ContentRenderer
{
    /// <summary>What <c>:::course-timeline</c> renders to; the page puts the clinic's timeline in its place.</summary>
    public const string CourseTimelinePlaceholder = "<div class=\"course-timeline\"></div>";

    private const string CourseTimeline = "course-timeline";
    private const int MinKeyPoints = 2;
    private const int MaxKeyPoints = 5;
    private const int MaxKeyPointLength = 200;
    private const string ExternalLinkNote = "<span class=\"visually-hidden\"> (external site)</span>";

    // Key points are shown as text, so any of these would appear on the page as written.
    private static readonly System.Buffers.SearchValues<char> _markupCharacters = System.Buffers.SearchValues.Create("*_`[]<>#");

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseFootnotes()
        .UseCustomContainers()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseSmartyPants()
        .DisableHtml()
        .Build();

    private readonly IDeserializer _yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public ContentDocument Render(string markdown, string sourceFile, ContentKind kind)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, _pipeline);
        var front = ReadFrontMatter(document, markdown);

        var title = Required(front.Title, "title");
        var description = Required(front.Description, "description");
        var slug = (front.Slug ?? System.IO.Path.GetFileNameWithoutExtension(sourceFile)).Trim().ToLowerInvariant();
        if (!SlugPattern().IsMatch(slug))
        {
            throw new ContentException($"slug '{slug}' must be lower-case letters, digits and single hyphens.");
        }

        if (document.Descendants<HeadingBlock>().Any(h => h.Level == 1))
        {
            throw new ContentException("use ## for sections; the page title is the only h1 and comes from 'title'.");
        }

        CheckContainers(document, kind);
        MarkExternalLinks(document);
        var html = ToHtml(document);
        // Markdig leaves a reference without a definition as literal "[^name]" text.
        var unresolved = UnresolvedFootnote().Match(html);
        if (unresolved.Success)
        {
            throw new ContentException($"footnote reference {unresolved.Value} has no matching definition.");
        }

        // Markdig drops a definition nothing cites, so its source would vanish from the page without a word.
        var cited = document.Descendants<Footnote>().Select(f => f.Label).ToHashSet(StringComparer.Ordinal);
        foreach (Match definition in FootnoteDefinition().Matches(markdown))
        {
            if (!cited.Contains(definition.Groups["label"].Value))
            {
                throw new ContentException(
                    $"footnote [{definition.Groups["label"].Value}] is defined but never cited; two citations side by side ([^a][^b]) read as one, so write [^a], [^b].");
            }
        }

        var published = ParseDate(front.Published, "published");
        var updated = ParseDate(front.Updated, "updated");
        var keyPoints = ReadKeyPoints(front.KeyPoints, kind);

        var toc = document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3)
            .Select(h => new TocEntry(h.Level, h.GetAttributes().Id ?? "", InlineText(h.Inline)))
            .ToList();

        var faq = kind == ContentKind.Faq ? SplitQuestions(document, markdown) : ([], []);

        return new ContentDocument
        {
            Kind = kind,
            Slug = slug,
            Title = title,
            Description = description,
            Published = published,
            Updated = updated,
            Author = Blank(front.Author),
            ReviewedBy = Blank(front.ReviewedBy),
            Tags = (front.Tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList(),
            Order = front.Order,
            KeyPoints = keyPoints,
            Html = html,
            TableOfContents = toc,
            Questions = faq.Questions,
            FaqTopics = faq.Topics,
            WordCount = CountWords(document),
            ReadingLevel = ReadingLevel.Measure(ReadableBlocks(document)),
            SourceFile = sourceFile,
        };
    }

    private FrontMatter ReadFrontMatter(MarkdownDocument document, string markdown)
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new ContentException("the file must start with a YAML front matter block between --- lines.");
        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()))
            .Trim();
        if (yaml.StartsWith("---", StringComparison.Ordinal))
        {
            yaml = yaml[3..];
        }

        if (yaml.EndsWith("---", StringComparison.Ordinal))
        {
            yaml = yaml[..^3];
        }

        try
        {
            return _yaml.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException ex)
        {
            throw new ContentException($"front matter is not valid YAML (line {ex.Start.Line}): {ex.Message}", ex);
        }
    }

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new ContentException($"front matter needs '{key}'.") : value.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ContentException($"'{key}' must be a date written as yyyy-MM-dd, not '{value}'.");
    }

    /// <summary>The only block a file may hold besides Markdown is the marker for the clinic's course timeline.</summary>
    private static void CheckContainers(MarkdownDocument document, ContentKind kind)
    {
        foreach (var container in document.Descendants<CustomContainer>())
        {
            if (container.Info != CourseTimeline)
            {
                throw new ContentException($"':::{container.Info}' on line {container.Line + 1} is not a known block; the only one is ':::{CourseTimeline}'.");
            }

            if (container.Count > 0 || container.Arguments is { Length: > 0 })
            {
                throw new ContentException($"':::{CourseTimeline}' on line {container.Line + 1} must be empty: the timeline comes from the clinic's settings (Clinic:Course).");
            }

            if (kind == ContentKind.Faq)
            {
                throw new ContentException($"':::{CourseTimeline}' cannot be used in the FAQ; link to /treatment instead.");
            }
        }
    }

    /// <summary>Every article opens with a few plain sentences; other pages have no place to show them.</summary>
    private static List<string> ReadKeyPoints(List<string>? points, ContentKind kind)
    {
        if (kind != ContentKind.Article)
        {
            return points is null ? [] : throw new ContentException("'keyPoints' is shown on articles only; remove it from this file.");
        }

        if (points is null || points.Count == 0)
        {
            throw new ContentException($"front matter needs 'keyPoints': a list of {MinKeyPoints} to {MaxKeyPoints} short sentences, shown at the top of the article.");
        }

        if (points.Count is < MinKeyPoints or > MaxKeyPoints)
        {
            throw new ContentException($"'keyPoints' has {points.Count} points; write {MinKeyPoints} to {MaxKeyPoints}.");
        }

        var result = new List<string>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i]?.Trim() ?? "";
            if (point.Length == 0)
            {
                throw new ContentException($"'keyPoints' point {i + 1} is empty.");
            }

            if (point.Length > MaxKeyPointLength)
            {
                throw new ContentException($"'keyPoints' point {i + 1} has {point.Length} characters; keep each under {MaxKeyPointLength}.");
            }

            if (point.AsSpan().ContainsAny(_markupCharacters))
            {
                throw new ContentException($"'keyPoints' point {i + 1} must be plain text, without Markdown or HTML: '{point}'.");
            }

            result.Add(point);
        }

        return result;
    }

    /// <summary>Links to other hosts say so to screen-reader users, and never hand the new page a window.opener.</summary>
    private static void MarkExternalLinks(MarkdownDocument document)
    {
        // <javascript:…> and <data:…> are autolinks, a node of their own: held to the same schemes as other links.
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafe(autolink.Url))
            {
                throw new ContentException($"link to '{autolink.Url}' on line {autolink.Line + 1} uses a scheme other than http, https, mailto or tel.");
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                throw new ContentException($"link to '{link.Url}' on line {link.Line + 1} uses a scheme other than http, https, mailto or tel.");
            }

            if (link.IsImage || !IsExternal(link.Url))
            {
                continue;
            }

            var attributes = link.GetAttributes();
            attributes.AddProperty("rel", "noopener");
            attributes.AddClass("external");
            link.AppendChild(new HtmlInline(ExternalLinkNote));
        }
    }

    /// <summary>Relative links and the ordinary schemes only; Markdig itself would let <c>javascript:</c> through.</summary>
    internal static bool IsSafe(string? url) =>
        string.IsNullOrEmpty(url)
        || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
        || url.StartsWith('/')
        || uri.Scheme is "http" or "https" or "mailto" or "tel";

    internal static bool IsExternal(string? url) =>
        url?.StartsWith("//", StringComparison.Ordinal) == true
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private string ToHtml(MarkdownObject node)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlFootnoteGroupRenderer>(new SourcesRenderer());
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlFootnoteLinkRenderer>(new SourceLinkRenderer());
        renderer.Render(node);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// Each question heading of the FAQ and everything up to the next heading is one answer, rendered on its
    /// own so the page can wrap it in a disclosure. Without any <c>###</c> heading every <c>##</c> is a question;
    /// with them, <c>##</c> headings are topics grouping the <c>###</c> questions below them.
    /// </summary>
    private (List<FaqEntry> Questions, List<FaqTopic> Topics) SplitQuestions(MarkdownDocument document, string markdown)
    {
        var headings = document.OfType<HeadingBlock>().Where(h => h.Level is 2 or 3).ToList();
        var grouped = headings.Any(h => h.Level == 3);
        var questionLevel = grouped ? 3 : 2;
        var questions = new List<FaqEntry>(headings.Count);
        var topics = new List<FaqTopic>();
        (HeadingBlock Heading, List<FaqEntry> Questions)? topic = null;
        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Span.End + 1;
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : markdown.Length;
            var body = markdown[start..end];
            if (headings[i].Level != questionLevel)
            {
                CloseTopic();
                if (!string.IsNullOrWhiteSpace(body))
                {
                    throw new ContentException($"the FAQ topic '{InlineText(headings[i].Inline)}' on line {headings[i].Line + 1} must be followed by its '### Question?' headings, not text.");
                }

                topic = (headings[i], []);
                continue;
            }

            if (grouped && topic is null)
            {
                throw new ContentException($"the FAQ question '{InlineText(headings[i].Inline)}' on line {headings[i].Line + 1} needs a '## Topic' heading above it.");
            }

            var answer = Markdown.Parse(body, _pipeline);
            MarkExternalLinks(answer);
            var text = Markdown.ToPlainText(body, _pipeline).Trim();
            var entry = new FaqEntry(headings[i].GetAttributes().Id ?? "", InlineText(headings[i].Inline), ToHtml(answer), text);
            questions.Add(entry);
            topic?.Questions.Add(entry);
        }

        CloseTopic();
        return (questions, topics);

        void CloseTopic()
        {
            if (topic is not { } open)
            {
                return;
            }

            if (open.Questions.Count == 0)
            {
                throw new ContentException($"the FAQ topic '{InlineText(open.Heading.Inline)}' on line {open.Heading.Line + 1} has no '### Question?' below it.");
            }

            topics.Add(new FaqTopic(open.Heading.GetAttributes().Id ?? "", InlineText(open.Heading.Inline), open.Questions));
            topic = null;
        }
    }

    private static int CountWords(MarkdownDocument document)
    {
        var count = 0;
        foreach (var literal in document.Descendants<LiteralInline>())
        {
            count += literal.Content.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return count;
    }

    /// <summary>
    /// What a reader reads as prose: headings and paragraphs (in lists and tables too), without the sources,
    /// code or front matter.
    /// </summary>
    private static IEnumerable<string> ReadableBlocks(MarkdownDocument document) =>
        document.Descendants<LeafBlock>()
            .Where(block => block is HeadingBlock or ParagraphBlock && !IsInFootnote(block))
            .Select(block => InlineText(block.Inline, includeCode: false));

    private static bool IsInFootnote(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is Footnote or FootnoteGroup)
            {
                return true;
            }
        }

        return false;
    }

    private static string InlineText(ContainerInline? container, bool includeCode = true)
    {
        var text = new StringBuilder();
        if (container is null)
        {
            return "";
        }

        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code when includeCode:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case Markdig.Extensions.SmartyPants.SmartyPant pant:
                    text.Append(pant.Type switch
                    {
                        Markdig.Extensions.SmartyPants.SmartyPantType.LeftQuote => '‘',
                        Markdig.Extensions.SmartyPants.SmartyPantType.RightQuote => '’',
                        Markdig.Extensions.SmartyPants.SmartyPantType.LeftDoubleQuote => '“',
                        Markdig.Extensions.SmartyPants.SmartyPantType.RightDoubleQuote => '”',
                        Markdig.Extensions.SmartyPants.SmartyPantType.Dash2 => '–',
                        Markdig.Extensions.SmartyPants.SmartyPantType.Dash3 => '—',
                        Markdig.Extensions.SmartyPants.SmartyPantType.Ellipsis => '…',
                        _ => '\'',
                    });
                    break;
            }
        }

        return text.ToString().Trim();
    }

    [GeneratedRegex(@"\[\^[^\]\s]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex UnresolvedFootnote();

    [GeneratedRegex(@"^ {0,3}\[(?<label>\^[^\]\s]+)\]:", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex FootnoteDefinition();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
