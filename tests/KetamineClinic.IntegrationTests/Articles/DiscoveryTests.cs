using System.Net;
using System.Xml.Linq;
using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Articles;

public sealed class DiscoveryTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static readonly XNamespace _sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace _atom = "http://www.w3.org/2005/Atom";

    private async Task<XDocument> GetXmlAsync(string url, string mediaType)
    {
        using var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_sitemap_lists_every_public_page_with_its_last_change()
    {
        var sitemap = await GetXmlAsync("/sitemap.xml", "application/xml");
        var entries = sitemap.Root!.Elements(_sitemap + "url")
            .ToDictionary(u => u.Element(_sitemap + "loc")!.Value, u => u.Element(_sitemap + "lastmod")?.Value);

        foreach (var path in new[] { "/", "/articles", "/faq", "/treatment", "/privacy", "/accessibility", "/articles/how-ketamine-works", "/consultation", "/self-check", "/costs", "/team" })
        {
            Assert.Contains("https://localhost" + path, entries.Keys);
        }

        Assert.Equal("2026-12-02", entries["https://localhost/articles/how-ketamine-works"]);
        // Pages written in Markdown carry their front-matter date; the form pages and the costs and team pages (from configuration) have no file to date them by.
        var formPages = new[] { "https://localhost/consultation", "https://localhost/self-check", "https://localhost/costs", "https://localhost/team" };
        Assert.All(entries.Where(e => !formPages.Contains(e.Key)), e => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", e.Value));
        Assert.All(formPages, page => Assert.Null(entries[page]));
        Assert.DoesNotContain(entries.Keys, k => k.Contains("/staff", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_page_in_the_sitemap_has_one_h1_a_description_and_a_canonical_link()
    {
        var sitemap = await GetXmlAsync("/sitemap.xml", "application/xml");
        var client = app.CreateClient();

        foreach (var loc in sitemap.Root!.Elements(_sitemap + "url").Select(u => new Uri(u.Element(_sitemap + "loc")!.Value)))
        {
            using var response = await client.GetAsync(loc.PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{loc} returned {response.StatusCode}");
            var document = await response.ReadDocumentAsync();
            Assert.True(document.QuerySelectorAll("h1").Length == 1, $"{loc} should have exactly one h1.");
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")), $"{loc} has no description.");
            Assert.Equal(loc.ToString(), document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.NotNull(document.QuerySelector("meta[property='og:title']"));
        }
    }

    [Fact]
    public async Task The_feed_is_an_atom_feed_of_every_article()
    {
        var feed = await GetXmlAsync("/feed.xml", "application/atom+xml");

        Assert.Equal(_atom + "feed", feed.Root!.Name);
        Assert.Equal("https://localhost/feed.xml", feed.Root.Elements(_atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = feed.Root.Elements(_atom + "entry").ToList();
        Assert.True(entries.Count >= 9);
        var entry = entries.Single(e => e.Element(_atom + "id")!.Value == "https://localhost/articles/how-ketamine-works");
        Assert.Equal("How ketamine works in the brain", entry.Element(_atom + "title")!.Value);
        Assert.Equal("2026-12-02T00:00:00Z", entry.Element(_atom + "updated")!.Value);
        Assert.Contains("<h2 id=", entry.Element(_atom + "content")!.Value, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.NotNull(e.Element(_atom + "summary")));
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_staff_pages()
    {
        var robots = await app.CreateClient().GetStringAsync("/robots.txt");
        var lines = robots.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /staff", lines);
        Assert.Contains("Sitemap: https://localhost/sitemap.xml", lines);
    }

    [Fact]
    public async Task Absolute_urls_use_the_configured_public_origin()
    {
        using var custom = new ClinicAppFactory();
        custom.Settings["Clinic:BaseUrl"] = "https://clinic.example/";
        var robots = await custom.CreateClient().GetStringAsync("/robots.txt");
        var document = await custom.CreateClient().GetDocumentAsync("/faq");

        Assert.Contains("Sitemap: https://clinic.example/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Equal("https://clinic.example/faq", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }
}
