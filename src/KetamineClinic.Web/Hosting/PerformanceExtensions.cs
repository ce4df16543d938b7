using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace KetamineClinic.Web.Hosting;

public static class PerformanceExtensions
{
    /// <summary>Brotli and gzip for text responses, HTTPS included.</summary>
    public static IServiceCollection AddClinicPerformance(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Safe over HTTPS here: compressed public pages never mix a secret with attacker-chosen input
            // (the BREACH precondition). Forms with antiforgery tokens must not be output-cached either.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml"]);
        });
        // Compression runs per response (the output cache stores plain bytes), so favour speed over ratio.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// Compression, then the site's own static files. A URL carrying <c>asp-append-version</c>'s <c>v=</c>
    /// hash can never change, so it is cached for a year; anything else for an hour.
    /// </summary>
    public static WebApplication UseClinicStaticFiles(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var fingerprinted = context.Context.Request.Query.ContainsKey("v");
                context.Context.Response.Headers[HeaderNames.CacheControl] = fingerprinted
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
        return app;
    }
}
