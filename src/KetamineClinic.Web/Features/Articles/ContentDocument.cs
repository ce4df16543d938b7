namespace KetamineClinic.Web.Features.Articles;

/// <summary>Which folder of <c>content/</c> a document came from; decides its URL.</summary>
public enum ContentKind
{
    Article,
    Page,
    Faq,
}

/// <summary>A Markdown file parsed and rendered once, kept in memory for the life of a library snapshot.</summary>
public sealed record ContentDocument
{
    public required ContentKind Kind { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public DateOnly? Published { get; init; }
    public DateOnly? Updated { get; init; }
    public string? Author { get; init; }
    public string? ReviewedBy { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The article's few main points, plain text, shown in a box at its top.</summary>
    public IReadOnlyList<string> KeyPoints { get; init; } = [];

    /// <summary>Position on lists; documents without one come after those with one.</summary>
    public int? Order { get; init; }

    public required string Html { get; init; }
    public IReadOnlyList<TocEntry> TableOfContents { get; init; } = [];
    public IReadOnlyList<FaqEntry> Questions { get; init; } = [];

    /// <summary>The FAQ's <c>## Topic</c> groups, in order; empty when its questions are not grouped.</summary>
    public IReadOnlyList<FaqTopic> FaqTopics { get; init; } = [];
    public int WordCount { get; init; }

    /// <summary>Of the prose a reader reads, without the sources: the content brief asks for grade 8 or under.</summary>
    public ReadingLevel ReadingLevel { get; init; } = new(0, 0, 0);
    public required string SourceFile { get; init; }

    /// <summary>At about 200 words a minute, the pace for careful reading of health information.</summary>
    public int ReadingMinutes => Math.Max(1, (int)Math.Ceiling(WordCount / 200.0));

    /// <summary>The date a reader should see as "last changed".</summary>
    public DateOnly? LastModified => Updated ?? Published;

    public string Path => Kind switch
    {
        ContentKind.Article => "/articles/" + Slug,
        ContentKind.Faq => "/faq",
        _ => "/" + Slug,
    };
}

/// <summary>An h2 or h3 of a document, with the id the renderer gave it.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>One question of the FAQ with its answer rendered to HTML.</summary>
public sealed record FaqEntry(string Id, string Question, string AnswerHtml, string AnswerText);

/// <summary>One <c>## Topic</c> of the FAQ: its label in plain words and the questions below it.</summary>
public sealed record FaqTopic(string Id, string Label, IReadOnlyList<FaqEntry> Questions);
