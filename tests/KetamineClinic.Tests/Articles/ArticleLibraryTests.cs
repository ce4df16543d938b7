using KetamineClinic.Data;
using KetamineClinic.Web.Features.Articles;
using Microsoft.Extensions.Logging;

namespace KetamineClinic.Tests.Articles;

public sealed class ArticleLibraryTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly ListLogger<ArticleLibrary> _logger = new();

    private ArticleLibrary Load() => new(_content.Path, new ContentRenderer(), ["writer", "reviewer"], _logger);

    private void WriteArticle(string file, string title, string frontMatter = "") =>
        _content.Write("articles/" + file, TempContentFolder.Article(title, frontMatter));

    [Fact]
    public void A_broken_file_is_logged_by_name_and_skipped_while_the_rest_load()
    {
        WriteArticle("good.md", "Good");
        _content.Write("articles/no-title.md", "---\ndescription: \"x\"\n---\n\nText.");
        _content.Write("articles/bad-yaml.md", "---\ntitle: [\n---\n\nText.");

        var library = Load();

        Assert.Equal(["good"], library.Articles.Select(a => a.Slug));
        Assert.Contains(_logger.Errors, e => e.Contains("no-title.md", StringComparison.Ordinal) && e.Contains("'title'", StringComparison.Ordinal));
        Assert.Contains(_logger.Errors, e => e.Contains("bad-yaml.md", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_slug_keeps_the_first_file_and_reports_the_second()
    {
        WriteArticle("a-first.md", "First", "slug: same");
        WriteArticle("b-second.md", "Second", "slug: same");

        var library = Load();

        Assert.Equal("First", Assert.Single(library.Articles).Title);
        Assert.Contains(_logger.Errors, e => e.Contains("b-second.md", StringComparison.Ordinal) && e.Contains("already used", StringComparison.Ordinal));
    }

    [Fact]
    public void Articles_are_ordered_by_order_then_newest_first()
    {
        WriteArticle("old.md", "Old", "published: 2026-01-01");
        WriteArticle("new.md", "New", "published: 2026-05-01");
        WriteArticle("pinned.md", "Pinned", "order: 1\npublished: 2025-01-01");

        Assert.Equal(["pinned", "new", "old"], Load().Articles.Select(a => a.Slug));
    }

    [Fact]
    public void Slugs_are_found_whatever_their_case()
    {
        WriteArticle("calm-mornings.md", "Calm");
        var library = Load();

        Assert.Equal("calm-mornings", library.FindArticle("Calm-Mornings")?.Slug);
        Assert.Null(library.FindArticle("calm-evenings"));
    }

    [Fact]
    public void Tags_filter_and_related_articles_share_tags()
    {
        WriteArticle("a.md", "A", "order: 1\ntags: [sleep, safety]");
        WriteArticle("b.md", "B", "order: 2\ntags: [safety]");
        WriteArticle("c.md", "C", "order: 3\ntags: [sleep, safety]");
        WriteArticle("d.md", "D", "order: 4\ntags: [research]");
        var library = Load();

        Assert.Equal(["a", "b", "c"], library.WithTag("SAFETY").Select(a => a.Slug));
        Assert.Equal(["c", "b"], library.RelatedTo(library.FindArticle("a")!).Select(a => a.Slug));
        Assert.Empty(library.RelatedTo(library.FindArticle("d")!));
        Assert.Equal(["research", "safety", "sleep"], library.Tags);
    }

    [Fact]
    public void Pages_and_the_faq_are_loaded_beside_articles()
    {
        _content.Write("pages/privacy.md", TempContentFolder.Page("Privacy notice"));
        _content.Write("faq.md", TempContentFolder.Page("FAQ", body: "## Why?\n\nBecause."));

        var library = Load();

        Assert.Equal("/privacy", library.FindPage("privacy")?.Path);
        Assert.Equal("Why?", Assert.Single(library.Faq!.Questions).Question);
        Assert.Empty(library.Articles);
    }

    [Fact]
    public void Reload_picks_up_a_new_file()
    {
        var library = Load();
        Assert.Empty(library.Articles);

        WriteArticle("fresh.md", "Fresh");
        library.Reload();

        Assert.Equal("Fresh", Assert.Single(library.Articles).Title);
    }

    [Fact]
    public void Authors_and_reviewers_named_by_team_id_load()
    {
        WriteArticle("bylined.md", "Bylined", "author: writer\nreviewedBy: Reviewer");

        var article = Assert.Single(Load().Articles);

        Assert.Equal("writer", article.Author);
        Assert.Equal("Reviewer", article.ReviewedBy);
    }

    [Theory]
    [InlineData("author: someone-else")]
    [InlineData("author: writer\nreviewedBy: \"Dr. Real Name, MD\"")]
    public void At_start_an_author_or_reviewer_who_is_not_in_the_team_refuses_the_library_naming_the_file(string byline)
    {
        WriteArticle("good.md", "Good", "author: writer");
        WriteArticle("stray.md", "Stray", byline);

        var refused = Assert.Throws<ClinicConfigurationException>(Load);

        Assert.StartsWith(Path.Combine("articles", "stray.md") + ": ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Clinic:Team", refused.Message, StringComparison.Ordinal);
        Assert.Contains("writer, reviewer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_reload_an_unknown_team_id_is_logged_by_name_and_skipped_so_the_site_stays_up()
    {
        WriteArticle("good.md", "Good", "author: writer");
        var library = Load();

        WriteArticle("stray.md", "Stray", "reviewedBy: nobody");
        library.Reload();

        Assert.Equal(["good"], library.Articles.Select(a => a.Slug));
        Assert.Contains(_logger.Errors, e => e.Contains("stray.md", StringComparison.Ordinal) && e.Contains("reviewedBy 'nobody'", StringComparison.Ordinal));
    }

    public void Dispose() => _content.Dispose();

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Errors.Add(formatter(state, exception));
            }
        }
    }
}
