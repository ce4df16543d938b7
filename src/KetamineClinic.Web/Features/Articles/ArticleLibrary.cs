using KetamineClinic.Data;
using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>
/// Every Markdown file under the content folder, parsed and rendered once and served from memory.
/// A file that cannot be published is logged with its name and left out; the rest of the site stays up — except
/// at start, a file naming an author or reviewer who is not in <c>Clinic:Team</c>: that is a configuration error.
/// </summary>
public sealed partial class ArticleLibrary
{
    private readonly ContentRenderer _renderer;
    private readonly IReadOnlyCollection<string> _teamIds;
    private readonly ILogger<ArticleLibrary> _logger;
    private readonly Lock _reloadLock = new();
    private volatile ContentSnapshot _snapshot;

    /// <param name="teamIds">The ids of <c>Clinic:Team</c>, which articles name as <c>author</c> and <c>reviewedBy</c>.</param>
    public ArticleLibrary(string contentPath, ContentRenderer renderer, IReadOnlyCollection<string> teamIds, ILogger<ArticleLibrary> logger)
    {
        ContentPath = contentPath;
        _renderer = renderer;
        _teamIds = teamIds;
        _logger = logger;
        var loaded = Load(ContentPath, _renderer, _teamIds);
        // The team changed in configuration without the content (or the other way round): refuse to start rather than publish articles without their byline.
        if (loaded.Problems.FirstOrDefault(p => p.NamesUnknownTeamMember) is { } unknown)
        {
            throw new ClinicConfigurationException($"{unknown.File}: {unknown.Message}");
        }

        _snapshot = Snapshot(loaded);
    }

    public string ContentPath { get; }

    /// <summary>Articles ordered by <c>order</c>, then newest first.</summary>
    public IReadOnlyList<ContentDocument> Articles => _snapshot.Articles;

    public ContentDocument? Faq => _snapshot.Faq;

    public IReadOnlyList<ContentDocument> Pages => _snapshot.Pages;

    /// <summary>Every tag in use, alphabetically.</summary>
    public IReadOnlyList<string> Tags => _snapshot.Tags;

    public ContentDocument? FindArticle(string slug) =>
        _snapshot.ArticlesBySlug.GetValueOrDefault(slug);

    public ContentDocument? FindPage(string slug) =>
        _snapshot.Pages.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<ContentDocument> WithTag(string tag) =>
        [.. _snapshot.Articles.Where(a => a.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Other articles sharing the most tags with <paramref name="article"/>, then in list order.</summary>
    public IReadOnlyList<ContentDocument> RelatedTo(ContentDocument article, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(article);
        return [.. _snapshot.Articles
            .Where(a => a.Slug != article.Slug)
            .Select((a, index) => (Article: a, Shared: a.Tags.Intersect(article.Tags).Count(), Index: index))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared)
            .ThenBy(x => x.Index)
            .Take(count)
            .Select(x => x.Article)];
    }

    /// <summary>Reads the folder again and swaps the whole snapshot at once, so a request never sees half of it.</summary>
    public void Reload()
    {
        lock (_reloadLock)
        {
            _snapshot = Snapshot(Load(ContentPath, _renderer, _teamIds));
        }
    }

    /// <summary>Loads a content folder without logging: the documents that are valid and the problems with the rest.</summary>
    /// <param name="teamIds">When given, a document's <c>author</c> and <c>reviewedBy</c> must be one of them.</param>
    public static ContentLoadResult Load(string contentPath, ContentRenderer renderer, IReadOnlyCollection<string>? teamIds = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var documents = new List<ContentDocument>();
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(contentPath))
        {
            problems.Add(new ContentProblem(contentPath, "the content folder does not exist."));
            return new ContentLoadResult(documents, problems);
        }

        var files = EnumerateIfExists(Path.Combine(contentPath, "articles")).Select(f => (File: f, Kind: ContentKind.Article))
            .Concat(EnumerateIfExists(Path.Combine(contentPath, "pages")).Select(f => (File: f, Kind: ContentKind.Page)))
            .Concat(File.Exists(Path.Combine(contentPath, "faq.md")) ? [(Path.Combine(contentPath, "faq.md"), ContentKind.Faq)] : [])
            .OrderBy(f => f.File, StringComparer.Ordinal);

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (file, kind) in files)
        {
            var relative = Path.GetRelativePath(contentPath, file);
            try
            {
                var document = renderer.Render(File.ReadAllText(file), relative, kind);
                var key = $"{kind}/{document.Slug}";
                if (seen.TryGetValue(key, out var first))
                {
                    problems.Add(new ContentProblem(relative, $"slug '{document.Slug}' is already used by {first}."));
                    continue;
                }

                if (teamIds is not null && UnknownTeamMember(document, teamIds) is { } unknown)
                {
                    problems.Add(new ContentProblem(relative, unknown) { NamesUnknownTeamMember = true });
                    continue;
                }

                seen[key] = relative;
                documents.Add(document);
            }
            catch (ContentException ex)
            {
                problems.Add(new ContentProblem(relative, ex.Message));
            }
            catch (IOException ex)
            {
                problems.Add(new ContentProblem(relative, "could not be read: " + ex.Message));
            }
        }

        return new ContentLoadResult(documents, problems);
    }

    private static string? UnknownTeamMember(ContentDocument document, IReadOnlyCollection<string> teamIds)
    {
        foreach (var (id, key) in new[] { (document.Author, "author"), (document.ReviewedBy, "reviewedBy") })
        {
            if (id is not null && !teamIds.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                return $"{key} '{id}' is not the id of anyone in {TeamValidation.Key} (its ids: {string.Join(", ", teamIds)}).";
            }
        }

        return null;
    }

    private static IEnumerable<string> EnumerateIfExists(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly) : [];

    private ContentSnapshot Snapshot(ContentLoadResult result)
    {
        foreach (var problem in result.Problems)
        {
            LogSkipped(problem.File, problem.Message);
        }

        LogLoaded(result.Documents.Count, ContentPath);
        return new ContentSnapshot(result.Documents);
    }

    [LoggerMessage(LogLevel.Error, "Content file {ContentFile} was skipped: {Problem}")]
    private partial void LogSkipped(string contentFile, string problem);

    [LoggerMessage(LogLevel.Information, "Loaded {DocumentCount} content documents from {ContentPath}")]
    private partial void LogLoaded(int documentCount, string contentPath);

    private sealed class ContentSnapshot
    {
        public ContentSnapshot(IReadOnlyList<ContentDocument> documents)
        {
            Articles = [.. documents
                .Where(d => d.Kind == ContentKind.Article)
                .OrderBy(d => d.Order ?? int.MaxValue)
                .ThenByDescending(d => d.Published ?? DateOnly.MinValue)
                .ThenBy(d => d.Title, StringComparer.Ordinal)];
            ArticlesBySlug = Articles.ToDictionary(a => a.Slug, StringComparer.OrdinalIgnoreCase);
            Pages = [.. documents.Where(d => d.Kind == ContentKind.Page)];
            Faq = documents.FirstOrDefault(d => d.Kind == ContentKind.Faq);
            Tags = [.. Articles.SelectMany(a => a.Tags).Distinct().Order(StringComparer.Ordinal)];
        }

        public IReadOnlyList<ContentDocument> Articles { get; }
        public IReadOnlyDictionary<string, ContentDocument> ArticlesBySlug { get; }
        public IReadOnlyList<ContentDocument> Pages { get; }
        public ContentDocument? Faq { get; }
        public IReadOnlyList<string> Tags { get; }
    }
}

public sealed record ContentProblem(string File, string Message)
{
    public bool NamesUnknownTeamMember { get; init; }
}

public sealed record ContentLoadResult(IReadOnlyList<ContentDocument> Documents, IReadOnlyList<ContentProblem> Problems);
