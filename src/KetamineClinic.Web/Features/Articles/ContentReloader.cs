using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>
/// While someone edits content (Development by default), reloads the library on every save and drops the
/// cached pages, so the next request shows the change without a restart.
/// </summary>
public sealed partial class ContentReloader(
    ArticleLibrary library,
    IOutputCacheStore cache,
    IOptions<ContentOptions> options,
    IHostEnvironment environment,
    ILogger<ContentReloader> logger) : IHostedService, IDisposable
{
    private PhysicalFileProvider? _files;
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!(options.Value.Watch ?? environment.IsDevelopment()) || !Directory.Exists(library.ContentPath))
        {
            return Task.CompletedTask;
        }

        _files = new PhysicalFileProvider(library.ContentPath);
        _subscription = ChangeToken.OnChange(() => _files.Watch("**/*.md"), OnChanged);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _files?.Dispose();
    }

    private void OnChanged()
    {
        LogReloading(library.ContentPath);
        library.Reload();
        // Fire and forget is acceptable here: the in-memory store evicts synchronously.
        _ = cache.EvictByTagAsync(ContentCachePolicy.Tag, CancellationToken.None).AsTask();
    }

    [LoggerMessage(LogLevel.Information, "Content changed under {ContentPath}; reloading")]
    private partial void LogReloading(string contentPath);
}
