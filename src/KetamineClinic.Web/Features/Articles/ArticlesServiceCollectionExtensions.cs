using Microsoft.AspNetCore.OutputCaching;

namespace KetamineClinic.Web.Features.Articles;

public static class ArticlesServiceCollectionExtensions
{
    /// <summary>
    /// The content library (articles, pages, FAQ), its reload-on-edit watcher and the output-cache policy
    /// its pages use. Endpoints are attribute-routed controllers picked up by <c>MapControllers</c>.
    /// </summary>
    public static IServiceCollection AddArticles(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        var options = configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        var contentPath = ContentOptions.ResolvePath(options.Path, environment.ContentRootPath);

        services.AddSingleton<ContentRenderer>();
        services.AddSingleton(provider => new ArticleLibrary(
            contentPath,
            provider.GetRequiredService<ContentRenderer>(),
            provider.GetRequiredService<ILogger<ArticleLibrary>>()));

        services.AddOutputCache(cache =>
        {
            // Slugs are case-sensitive in the cache key so /articles/Some-Slug reaches the redirect, not a cached 200.
            cache.UseCaseSensitivePaths = true;
            cache.AddPolicy(ContentCachePolicy.Name, new ContentCachePolicy());
        });

        if (options.Watch ?? environment.IsDevelopment())
        {
            services.AddHostedService<ContentReloader>();
        }

        return services;
    }
}
