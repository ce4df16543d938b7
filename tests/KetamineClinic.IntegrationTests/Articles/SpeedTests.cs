using System.Net;
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
    [InlineData("/")]
    [InlineData("/articles")]
    [InlineData("/articles/how-ketamine-works")]
    [InlineData("/faq")]
    [InlineData("/treatment")]
    public async Task Each_encoding_of_a_page_is_the_same_page_with_its_own_validator(string path)
    {
        var (plain, plainPage) = await GetAsync(path, acceptEncoding: null);
        var (brotli, brotliPage) = await GetAsync(path, "gzip, deflate, br, zstd");
        var (gzip, gzipPage) = await GetAsync(path, "gzip");

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(plainPage, brotliPage);
        Assert.Equal(plainPage, gzipPage);
        Assert.All([plain, brotli, gzip], response => Assert.Contains("Accept-Encoding", response.Headers.Vary));
        Assert.Equal(3, new[] { plain, brotli, gzip }.Select(r => r.Headers.ETag?.Tag).Distinct().Count(tag => tag is not null));
    }

    [Fact]
    public async Task A_page_is_compressed_once_and_its_cached_copy_served_after()
    {
        var (first, firstPage) = await GetAsync("/articles/what-the-research-says", "br");
        var (second, secondPage) = await GetAsync("/articles/what-the-research-says", "gzip, br");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentLength, second.Content.Headers.ContentLength);
        Assert.Equal(firstPage, secondPage);
    }

    [Fact]
    public async Task A_matching_if_none_match_gets_304_with_the_validator_vary_and_security_headers()
    {
        var (page, _) = await GetAsync("/articles/how-ketamine-works", "br");
        var etag = page.Headers.ETag!.Tag;

        var (notModified, body) = await GetAsync("/articles/how-ketamine-works", "br", etag);
        var (otherEncoding, _) = await GetAsync("/articles/how-ketamine-works", "gzip", etag);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(body);
        Assert.Equal(etag, notModified.Headers.ETag?.Tag);
        Assert.Contains("Accept-Encoding", notModified.Headers.Vary);
        Assert.Single(notModified.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(HttpStatusCode.OK, otherEncoding.StatusCode);
    }

    [Fact]
    public async Task Head_gets_the_headers_of_the_cached_copy()
    {
        var (get, _) = await GetAsync("/faq", "br");
        using var request = new HttpRequestMessage(HttpMethod.Head, "/faq");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var head = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task The_consultation_form_is_never_stored_by_the_cache_in_any_encoding()
    {
        var (first, firstPage) = await GetAsync("/consultation", "br");
        var (second, secondPage) = await GetAsync("/consultation", "br");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Null(second.Headers.ETag);
        Assert.NotEqual(firstPage, secondPage);
    }

    [Fact]
    public async Task Static_assets_have_fingerprinted_urls_cached_as_immutable_with_a_compressed_copy()
    {
        var client = app.CreateClient();
        var home = await client.GetDocumentAsync("/");
        var stylesheet = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var form = await client.GetDocumentAsync("/consultation");
        var scripts = form.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();

        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", stylesheet);
        Assert.Contains(scripts, src => System.Text.RegularExpressions.Regex.IsMatch(src, @"^/js/consultation-form\.[a-z0-9]+\.js$"));
        var (plain, plainBytes) = await GetAsync(stylesheet, acceptEncoding: null);
        var (gzip, gzipBytes) = await GetAsync(stylesheet, "gzip, deflate, br, zstd");
        Assert.All([plain, gzip], response =>
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        });
        Assert.NotEmpty(gzip.Content.Headers.ContentEncoding);
        Assert.Equal(plainBytes, gzipBytes);
    }

    /// <summary>GET with the given Accept-Encoding (none when null), and the body decoded from what it was sent in.</summary>
    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string path, string? acceptEncoding, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        var response = await app.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response, ContentEncodings.Decode(body, response.Content.Headers.ContentEncoding.SingleOrDefault()));
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
