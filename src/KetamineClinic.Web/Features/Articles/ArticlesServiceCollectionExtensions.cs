using KetamineClinic.Web.Clinic;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Articles;

public static class ArticlesServiceCollectionExtensions
{
    /// <summary>
    /// The content library (articles, pages, FAQ), its reload-on-edit watcher and the output-cache policy
    /// its pages use. Endpoints are attribute-routed controllers picked up by <c>MapControllers</c>.
    /// </summary>
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);

        services.AddSingleton<ContentRenderer>();
        // Options are read when the library is first needed, so settings added late (tests, hosting) count.
        services.AddSingleton(provider => new ArticleLibrary(
            ContentOptions.ResolvePath(
                provider.GetRequiredService<IOptions<ContentOptions>>().Value.Path,
                provider.GetRequiredService<IHostEnvironment>().ContentRootPath),
            provider.GetRequiredService<ContentRenderer>(),
            [.. provider.GetRequiredService<IOptions<ClinicOptions>>().Value.Team.Select(m => m.Id)],
            provider.GetRequiredService<ILogger<ArticleLibrary>>()));

        services.AddOutputCache(cache =>
        {
            // Slugs are case-sensitive in the cache key so /articles/Some-Slug reaches the redirect, not a cached 200.
            cache.UseCaseSensitivePaths = true;
            cache.AddPolicy(ContentCachePolicy.Name, new ContentCachePolicy());
        });

        services.AddHostedService<ContentReloader>();

        return services;
    }
}
