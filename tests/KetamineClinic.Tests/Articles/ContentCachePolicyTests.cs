using System.Security.Claims;
using KetamineClinic.Web.Features.Articles;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace KetamineClinic.Tests.Articles;

public sealed class ContentCachePolicyTests
{
    private static async Task<OutputCacheContext> RequestAsync(string path, string method = "GET", Action<HttpContext>? arrange = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        arrange?.Invoke(http);
        var context = new OutputCacheContext { HttpContext = http };
        await ((IOutputCachePolicy)new ContentCachePolicy()).CacheRequestAsync(context, CancellationToken.None);
        return context;
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/requests/42")]
    [InlineData("/Consultation")]
    [InlineData("/consultation/thanks")]
    public async Task Staff_and_consultation_pages_are_never_cached(string path)
    {
        var context = await RequestAsync(path);

        Assert.False(context.EnableOutputCaching);
        Assert.False(context.AllowCacheStorage);
        Assert.False(context.AllowCacheLookup);
    }

    [Fact]
    public async Task A_public_get_is_cached_and_varies_only_by_tag()
    {
        var context = await RequestAsync("/articles");

        Assert.True(context.AllowCacheStorage);
        Assert.True(context.AllowCacheLookup);
        Assert.Equal("tag", context.CacheVaryByRules.QueryKeys.ToString());
        Assert.Contains(ContentCachePolicy.Tag, context.Tags);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData(null, "identity")]
    public async Task Entries_vary_by_the_encoding_sent_not_by_how_accept_encoding_is_spelled(string? acceptEncoding, string encoding)
    {
        var context = await RequestAsync("/faq", arrange: http => http.Request.Headers.AcceptEncoding = acceptEncoding);

        Assert.Equal(encoding, context.CacheVaryByRules.VaryByValues["Content-Encoding"]);
        Assert.Equal(0, context.CacheVaryByRules.HeaderNames.Count);
    }

    [Fact]
    public async Task Posts_and_signed_in_users_are_not_cached()
    {
        var post = await RequestAsync("/faq", "POST");
        var signedIn = await RequestAsync("/faq", arrange: http => http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "staff")], "Cookies")));
        var bearer = await RequestAsync("/faq", arrange: http => http.Request.Headers.Authorization = "Bearer x");

        Assert.False(post.AllowCacheStorage);
        Assert.False(signedIn.AllowCacheStorage);
        Assert.False(bearer.AllowCacheStorage);
    }

    [Fact]
    public async Task A_response_that_sets_a_cookie_is_not_stored()
    {
        var context = await RequestAsync("/faq");
        context.HttpContext.Response.StatusCode = StatusCodes.Status200OK;
        context.HttpContext.Response.Headers.SetCookie = "session=abc";

        await ((IOutputCachePolicy)new ContentCachePolicy()).ServeResponseAsync(context, CancellationToken.None);

        Assert.False(context.AllowCacheStorage);
    }
}
