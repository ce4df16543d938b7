using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Articles;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineClinic.IntegrationTests.Articles;

public sealed class ArticlePageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private HttpClient NoRedirects() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static JsonElement StructuredData(IDocument document)
    {
        var script = Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(script.TextContent).RootElement.Clone();
    }

    [Fact]
    public async Task An_article_has_one_h1_a_byline_contents_sources_and_the_disclaimer()
    {
        var document = await app.CreateClient().GetDocumentAsync("/articles/how-ketamine-works");

        Assert.Equal("How ketamine works in the brain", Assert.Single(document.QuerySelectorAll("h1")).TextContent);
        var byline = document.QuerySelector(".byline")!;
        Assert.Contains("By Sam Placeholder (fictional), LCSW", byline.TextContent, StringComparison.Ordinal);
        Assert.Contains("Medically reviewed by Avery Sample (fictional), MD, board-certified psychiatrist", byline.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/team#therapist", "/team#medical-director"], byline.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["2026-07-06", "2026-12-02"], byline.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")));
        Assert.Matches(@"\d+ min read", byline.TextContent);

        var tocLinks = document.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(tocLinks);
        Assert.All(tocLinks, href => Assert.NotNull(document.GetElementById(href.TrimStart('#'))));

        var citation = document.QuerySelector("a.footnote-ref")!;
        Assert.NotNull(document.GetElementById(citation.GetAttribute("href")!.TrimStart('#')));
        Assert.NotNull(document.QuerySelector("main a[href='/consultation']"));
        Assert.Single(document.QuerySelectorAll(".disclaimer"));
        Assert.Single(document.QuerySelectorAll("main *"), e => e.TextContent.Contains("is not medical advice", StringComparison.Ordinal) && e.Children.Length == 0);
        Assert.Same(document.QuerySelector(".disclaimer"), document.QuerySelector("main")!.LastElementChild);
        // The footer's calm line is the one pointer to 988 on an article: no crisis block in the page itself.
        Assert.Empty(document.QuerySelectorAll("main a[href='tel:988']"));
        Assert.NotNull(document.QuerySelector("footer .crisis-line a[href='tel:988']"));
        Assert.NotEmpty(document.QuerySelectorAll("#related-heading ~ ul .card a"));
    }

    [Fact]
    public async Task An_article_opens_with_its_key_points_in_a_labelled_box_before_the_contents()
    {
        var article = app.Services.GetRequiredService<ArticleLibrary>().FindArticle("how-ketamine-works")!;
        var document = await app.CreateClient().GetDocumentAsync(article.Path);

        var box = Assert.Single(document.QuerySelectorAll("article section.key-points"));
        var heading = document.GetElementById(box.GetAttribute("aria-labelledby")!)!;
        Assert.Equal("H2", heading.TagName);
        Assert.Equal("Key points", heading.TextContent);
        Assert.Same(box, heading.ParentElement);
        Assert.Equal(article.KeyPoints, box.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.InRange(article.KeyPoints.Count, 2, 5);

        var toc = document.QuerySelector("nav.toc")!;
        Assert.Equal(DocumentPositions.Following, box.CompareDocumentPosition(toc) & DocumentPositions.Following);
        Assert.Equal(DocumentPositions.Following, box.CompareDocumentPosition(document.QuerySelector(".prose")!) & DocumentPositions.Following);
    }

    [Fact]
    public async Task The_contents_nest_subsections_under_their_section()
    {
        var document = await app.CreateClient().GetDocumentAsync("/articles/side-effects-and-safety");

        var sections = document.QuerySelectorAll(".prose h2").Where(h => h.ParentElement?.ClassName != "footnotes").Select(h => h.Id).ToList();
        var subsections = document.QuerySelectorAll(".prose h3").Select(h => h.Id).ToList();
        Assert.NotEmpty(subsections);
        Assert.Equal(sections.Select(id => "#" + id), document.QuerySelectorAll("nav.toc > ol > li > a").Select(a => a.GetAttribute("href")));
        Assert.Equal(subsections.Select(id => "#" + id), document.QuerySelectorAll("nav.toc > ol > li > ul > li > a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task An_article_describes_itself_to_search_engines()
    {
        var document = await app.CreateClient().GetDocumentAsync("/articles/how-ketamine-works");

        Assert.Equal("https://localhost/articles/how-ketamine-works", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", document.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("How ketamine works in the brain", document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("summary", document.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));

        var data = StructuredData(document);
        Assert.Equal("MedicalWebPage", data.GetProperty("@type").GetString());
        Assert.Equal("2026-07-06", data.GetProperty("datePublished").GetString());
        Assert.Equal("2026-12-02", data.GetProperty("dateModified").GetString());
        var reviewer = data.GetProperty("reviewedBy");
        Assert.Equal("Avery Sample (fictional)", reviewer.GetProperty("name").GetString());
        Assert.Equal("MD, board-certified psychiatrist", reviewer.GetProperty("honorificSuffix").GetString());
        Assert.Equal("Medical director", reviewer.GetProperty("jobTitle").GetString());
        Assert.Equal("https://localhost/team#medical-director", reviewer.GetProperty("url").GetString());
        Assert.Equal("Sam Placeholder (fictional)", data.GetProperty("author").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/articles/How-Ketamine-Works")]
    [InlineData("/articles/HOW-KETAMINE-WORKS")]
    public async Task Other_spellings_of_a_slug_move_permanently_to_the_canonical_url(string url)
    {
        using var response = await NoRedirects().GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/articles/how-ketamine-works", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_redirect_is_not_replaced_by_a_cached_copy_of_the_canonical_page()
    {
        var client = NoRedirects();
        using (var canonical = await client.GetAsync("/articles/who-is-a-candidate"))
        {
            Assert.Equal(HttpStatusCode.OK, canonical.StatusCode);
        }

        using var other = await client.GetAsync("/articles/Who-Is-A-Candidate");
        Assert.Equal(HttpStatusCode.MovedPermanently, other.StatusCode);
    }

    [Fact]
    public async Task An_unknown_slug_is_a_404_that_links_to_the_article_list()
    {
        using var response = await app.CreateClient().GetAsync("/articles/no-such-article");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.NotNull(document.QuerySelector("main a[href='/articles']"));
    }

    [Fact]
    public async Task The_article_list_shows_every_article_in_order_and_filters_by_tag()
    {
        var client = app.CreateClient();
        var all = await client.GetDocumentAsync("/articles");
        var titles = all.QuerySelectorAll(".article-list .card h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.True(titles.Count >= 9);
        Assert.Equal("Understanding anxiety disorders", titles[0]);
        Assert.All(all.QuerySelectorAll(".article-list .card"), card => Assert.Matches(@"\d+ min read", card.TextContent));

        var safety = await client.GetDocumentAsync("/articles?tag=safety");
        var tagged = safety.QuerySelectorAll(".article-list .card").ToList();
        Assert.NotEmpty(tagged);
        Assert.True(tagged.Count < titles.Count);
        Assert.All(tagged, card => Assert.Contains(card.QuerySelectorAll(".tags a"), a => a.TextContent == "safety"));
        Assert.Equal("https://localhost/articles?tag=safety", safety.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        using var unknown = await client.GetAsync("/articles?tag=no-such-topic");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_faq_uses_disclosures_and_faqpage_structured_data()
    {
        var document = await app.CreateClient().GetDocumentAsync("/faq");

        var questions = document.QuerySelectorAll("main details").ToList();
        Assert.True(questions.Count >= 10);
        Assert.All(questions, d =>
        {
            Assert.EndsWith("?", d.QuerySelector("summary > h3")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(d.QuerySelector(".answer")!.TextContent));
        });

        var data = StructuredData(document);
        Assert.Equal("FAQPage", data.GetProperty("@type").GetString());
        var entities = data.GetProperty("mainEntity").EnumerateArray().ToList();
        Assert.Equal(questions.Count, entities.Count);
        Assert.Equal("Question", entities[0].GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(entities[0].GetProperty("acceptedAnswer").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task The_faq_is_grouped_by_topic_with_topic_links_and_the_grouping_stays_out_of_the_structured_data()
    {
        var document = await app.CreateClient().GetDocumentAsync("/faq");

        var sections = document.QuerySelectorAll("main .faq > section").ToList();
        Assert.True(sections.Count >= 3);
        var labels = sections.Select(s => s.QuerySelector(":scope > h2")!.TextContent.Trim()).ToList();
        Assert.All(labels, label =>
        {
            Assert.Matches("^[A-Z][a-z]+( [a-z]+)*$", label);
            Assert.DoesNotContain("?", label, StringComparison.Ordinal);
        });
        Assert.All(sections, s => Assert.NotEmpty(s.QuerySelectorAll(":scope > details")));

        var topicLinks = document.QuerySelectorAll("main nav.faq-topics a").ToList();
        Assert.Equal(labels, topicLinks.Select(a => a.TextContent.Trim()));
        Assert.Equal(sections.Select(s => "#" + s.QuerySelector(":scope > h2")!.Id), topicLinks.Select(a => a.GetAttribute("href")));

        var questions = document.QuerySelectorAll("main details summary > h3").Select(h => h.TextContent.Trim()).ToList();
        var entities = StructuredData(document).GetProperty("mainEntity").EnumerateArray().ToList();
        Assert.Equal(questions, entities.Select(e => e.GetProperty("name").GetString()));
        Assert.All(entities, e =>
        {
            Assert.Equal("Question", e.GetProperty("@type").GetString());
            Assert.Equal("Answer", e.GetProperty("acceptedAnswer").GetProperty("@type").GetString());
            var text = e.GetProperty("acceptedAnswer").GetProperty("text").GetString()!;
            Assert.All(labels, label => Assert.DoesNotContain(label, text, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task The_home_page_offers_a_consultation_featured_articles_and_clinic_structured_data()
    {
        var document = await app.CreateClient().GetDocumentAsync("/");

        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Contains(document.QuerySelectorAll("main a[href='/consultation']"), a => a.TextContent.Contains("Request a consultation", StringComparison.Ordinal));
        Assert.NotNull(document.QuerySelector("main a[href='tel:+13125550147']"));
        Assert.Equal(3, document.QuerySelectorAll("#featured-heading ~ ul .card").Length);
        Assert.Equal(3, document.QuerySelectorAll("ol.three-steps > li").Length);

        var data = StructuredData(document);
        Assert.Equal("MedicalClinic", data.GetProperty("@type").GetString());
        Assert.Equal("+13125550147", data.GetProperty("telephone").GetString());
        Assert.Equal("Chicago", data.GetProperty("address").GetProperty("addressLocality").GetString());
    }

    [Fact]
    public async Task Structured_data_cannot_close_its_script_element()
    {
        using var custom = new ClinicAppFactory();
        custom.Settings["Clinic:Tagline"] = "Calm care</script><script>alert(1)</script>";
        var html = await custom.CreateClient().GetStringAsync("/");

        Assert.DoesNotContain("</script><script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/treatment", "Your course of treatment")]
    [InlineData("/privacy", "Privacy notice")]
    [InlineData("/accessibility", "Accessibility statement")]
    public async Task Pages_from_markdown_are_served(string url, string heading)
    {
        var document = await app.CreateClient().GetDocumentAsync(url);
        Assert.Equal(heading, Assert.Single(document.QuerySelectorAll("h1")).TextContent);
    }
}
