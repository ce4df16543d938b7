using KetamineClinic.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>
/// Output caching for pages that are the same for every visitor. It refuses anything under the staff area
/// and the consultation form, anything with credentials, and any response that sets a cookie.
/// </summary>
public sealed class ContentCachePolicy : IOutputCachePolicy
{
    public const string Name = "PublicContent";
    public const string Tag = "content";

    private static readonly string[] _neverCached = ["/staff", "/consultation"];

    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !_neverCached.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            && !request.Headers.ContainsKey("Authorization")
            && context.HttpContext.User.Identity?.IsAuthenticated != true;

        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        // Only the article list's tag filter changes the page; other query strings must not multiply entries.
        context.CacheVaryByRules.QueryKeys = "tag";
        // One entry per encoding sent (CachedPageCompression compresses it once), not per Accept-Encoding spelling.
        context.CacheVaryByRules.VaryByValues[HeaderNames.ContentEncoding] = CachedPageCompression.ChooseEncoding(request.Headers.AcceptEncoding);
        context.ResponseExpirationTimeSpan = Duration;
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
