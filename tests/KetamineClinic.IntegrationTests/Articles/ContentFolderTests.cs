using System.Text.RegularExpressions;
using KetamineClinic.Testing;
using KetamineClinic.Web.Features.Articles;

namespace KetamineClinic.IntegrationTests.Articles;

/// <summary>The real prose in content/: a file that would be skipped at run time fails here first.</summary>
public sealed partial class ContentFolderTests
{
    private static readonly ContentLoadResult _loaded = ArticleLibrary.Load(RepositoryPaths.Content, new ContentRenderer());

    [Fact]
    public void Every_content_file_is_valid()
    {
        var problems = _loaded.Problems.Select(p => $"{p.File}: {p.Message}");
        Assert.Empty(problems);

        var files = Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories).Count();
        Assert.Equal(files, _loaded.Documents.Count);
    }

    [Fact]
    public void Every_article_has_the_fields_readers_and_search_engines_need()
    {
        var articles = _loaded.Documents.Where(d => d.Kind == ContentKind.Article).ToList();
        Assert.True(articles.Count >= 9, $"Expected at least nine articles, found {articles.Count}.");
        Assert.All(articles, a =>
        {
            Assert.NotNull(a.Published);
            Assert.NotNull(a.Author);
            Assert.NotNull(a.ReviewedBy);
            Assert.NotEmpty(a.Tags);
            Assert.InRange(a.Description.Length, 50, 200);
            Assert.True(a.TableOfContents.Count > 0, $"{a.SourceFile} has no sections.");
            Assert.All(a.TableOfContents, t => Assert.False(string.IsNullOrEmpty(t.Id)));
        });
        Assert.Equal(articles.Count, articles.Select(a => a.Slug).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void No_raw_html_survives_into_any_page()
    {
        Assert.All(_loaded.Documents, d =>
        {
            // Escaped markup in the output means a file tried to use HTML, which is shown as text instead.
            Assert.False(EscapedTag().IsMatch(d.Html), $"{d.SourceFile} contains raw HTML that renders as text.");
            Assert.DoesNotContain("<script", d.Html, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void The_faq_has_questions_and_the_pages_the_site_links_to_exist()
    {
        var faq = Assert.Single(_loaded.Documents, d => d.Kind == ContentKind.Faq);
        Assert.True(faq.Questions.Count >= 10);
        Assert.All(faq.Questions, q => Assert.EndsWith("?", q.Question, StringComparison.Ordinal));

        var pages = _loaded.Documents.Where(d => d.Kind == ContentKind.Page).Select(d => d.Slug).Order();
        Assert.Equal(["accessibility", "privacy", "treatment"], pages);
    }

    [GeneratedRegex("&lt;/?[a-zA-Z]")]
    private static partial Regex EscapedTag();
}
