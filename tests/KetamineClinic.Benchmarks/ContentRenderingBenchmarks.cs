using BenchmarkDotNet.Attributes;
using KetamineClinic.Web.Features.Articles;

namespace KetamineClinic.Benchmarks;

/// <summary>
/// What a cold start (or a content reload in Development) costs: parsing and rendering every file in content/.
/// Requests never pay this; they read the rendered HTML from memory.
/// </summary>
[MemoryDiagnoser]
public class ContentRenderingBenchmarks
{
    private readonly string _contentPath = FindContent();
    private ContentRenderer _renderer = null!;

    [GlobalSetup]
    public void Setup() => _renderer = new ContentRenderer();

    [Benchmark(Description = "Load and render all of content/")]
    public int RenderAllContent()
    {
        var result = ArticleLibrary.Load(_contentPath, _renderer);
        return result.Problems.Count == 0
            ? result.Documents.Count
            : throw new InvalidOperationException(result.Problems[0].Message);
    }

    [Benchmark(Description = "Build a new renderer (pipeline) and render all of content/")]
    public int RenderAllContentWithNewPipeline() => ArticleLibrary.Load(_contentPath, new ContentRenderer()).Documents.Count;

    private static string FindContent()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KetamineClinic.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("KetamineClinic.sln not found."), "content");
    }
}
