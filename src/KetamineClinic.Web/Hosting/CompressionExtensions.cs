using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace KetamineClinic.Web.Hosting;

public static class CompressionExtensions
{
    /// <summary>The text types worth compressing: the framework's list, plus the site's icon and its feed.</summary>
    public static readonly string[] CompressibleTypes =
        [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/atom+xml"];

    /// <summary>Brotli and gzip at the fastest level, for the responses rendered anew on every request.</summary>
    public static IServiceCollection AddClinicCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Safe over HTTPS here: compressed public pages never mix a secret with attacker-chosen input
            // (the BREACH precondition). Forms with antiforgery tokens must not be output-cached either.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = CompressibleTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// After the output cache: a page it is about to store is compressed once, at the best level, and the cache
    /// keeps that copy (<see cref="CachedPageCompression"/>), so a cached page costs no compression per request.
    /// Every other text response is compressed as it is written, at the fastest level. Static assets carry
    /// their own build-time compressed copies (<c>MapStaticAssets</c>).
    /// </summary>
    public static IApplicationBuilder UseClinicCompression(this IApplicationBuilder app)
    {
        // In this order: the per-response compression leaves alone what CachedPageCompression has encoded.
        app.UseResponseCompression();
        return app.UseMiddleware<CachedPageCompression>();
    }
}
