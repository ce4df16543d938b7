using System.Net;
using System.Net.Http.Headers;
using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Articles;

public sealed class SpeedTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task A_repeated_article_request_is_served_from_the_output_cache()
    {
        var client = app.CreateClient();
        using var first = await client.GetAsync("/articles/side-effects-and-safety");
        using var second = await client.GetAsync("/articles/side-effects-and-safety");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        // The output cache adds Age to the responses it serves from memory.
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task Query_strings_other_than_tag_do_not_create_new_cache_entries()
    {
        var client = app.CreateClient();
        using var first = await client.GetAsync("/faq?utm_source=a");
        using var second = await client.GetAsync("/faq?utm_source=b");

        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task Not_found_responses_are_not_cached()
    {
        var client = app.CreateClient();
        using var first = await client.GetAsync("/articles/not-here");
        using var second = await client.GetAsync("/articles/not-here");

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_when_the_browser_accepts_it(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles/what-the-research-says");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Fingerprinted_static_files_are_cached_for_a_year()
    {
        var client = app.CreateClient();
        var document = await client.GetDocumentAsync("/");
        var stylesheet = document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", stylesheet, StringComparison.Ordinal);

        using var response = await client.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_need_no_javascript_and_load_nothing_from_other_hosts()
    {
        var document = await app.CreateClient().GetDocumentAsync("/articles/how-ketamine-works");
        Assert.Empty(document.QuerySelectorAll("script:not([type='application/ld+json'])"));
        var sources = document.QuerySelectorAll("script[src], link[href], img[src], iframe[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .Where(url => !url.StartsWith("https://localhost/", StringComparison.Ordinal));

        Assert.All(sources, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
    }
}
